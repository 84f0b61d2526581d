import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '@chronicle/platform';

@ApiTags('admin')
@Controller('admin')
export class WhoAmIController {
  /** The calling key's id and roles: lets an operator check which key a client holds. */
  @Roles('admin')
  @Get('whoami')
  whoAmI(@CurrentActor() actor: Actor): Pick<Actor, 'id' | 'roles'> {
    return { id: actor.id, roles: actor.roles };
  }
}
