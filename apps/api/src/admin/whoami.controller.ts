import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '@chronicle/platform';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { KeyIdentityAnswer } from './admin.response';

type KeyIdentity = Pick<Actor, 'id' | 'roles'>;

/** Which key a client holds: its id and roles, never the token or its hash. */
@ApiTags('operations')
@ApiErrors(400, 401, 403, 500)
@Controller()
export class WhoAmIController {
  @Roles('service', 'analyst', 'auditor')
  @Get('whoami')
  @ApiAnswer(KeyIdentityAnswer)
  @ApiOperation({ summary: "The calling key's id and roles (any key)" })
  whoAmI(@CurrentActor() actor: Actor): KeyIdentity {
    return identityOf(actor);
  }

  /** The v1 route, kept for admins who already call it. */
  @Roles('admin')
  @Get('admin/whoami')
  @ApiAnswer(KeyIdentityAnswer)
  @ApiOperation({ summary: "The calling key's id and roles (admin keys; GET /whoami for any)" })
  adminWhoAmI(@CurrentActor() actor: Actor): KeyIdentity {
    return identityOf(actor);
  }
}

function identityOf(actor: Actor): KeyIdentity {
  return { id: actor.id, roles: actor.roles };
}
