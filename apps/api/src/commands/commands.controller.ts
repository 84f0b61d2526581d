import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CommandResult, ExecuteCommand } from '@chronicle/application';
import { type Actor, CurrentActor, Roles, currentCorrelationId } from '@chronicle/platform';
import { randomUUID } from 'node:crypto';
import { callerScopeOf } from './caller-scope';
import { expectedRevisionOf, idempotencyKeyOf } from './command-headers';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { CommandAnswer } from './command-answer.response';

@ApiTags('commands')
@ApiErrors(400, 401, 403, 404, 409, 413, 415, 422, 500, 503)
@Controller('commands')
export class CommandsController {
  constructor(private readonly commandBus: CommandBus) {}

  /**
   * The body is `unknown` on purpose: the global ValidationPipe leaves it untouched, and the
   * pipeline validates it against the DTO of the command named in the path.
   */
  @Roles('service')
  @Post(':type')
  @HttpCode(201)
  @ApiAnswer(CommandAnswer, {
    status: 201,
    description: 'The command was applied (or its stored answer replayed)',
  })
  @ApiOperation({ summary: 'Send a command; see docs/api.md for the catalog and the errors' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'Expected revision of the target stream',
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  execute(
    @Param('type') type: string,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | string[] | undefined>,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResult> {
    const request = {
      type,
      body,
      idempotencyKey: idempotencyKeyOf(headers['idempotency-key']),
      // Each API key has keys of its own: the same Idempotency-Key from another caller is
      // another command.
      idempotencyScope: callerScopeOf(headers.authorization),
      expectedRevision: expectedRevisionOf(headers['if-match']),
      // The platform middleware always sets one; the fallback only serves a missing middleware.
      correlationId: currentCorrelationId() ?? randomUUID(),
      actor: { id: actor.id, roles: actor.roles },
    };
    return this.commandBus.execute(new ExecuteCommand(request));
  }
}
