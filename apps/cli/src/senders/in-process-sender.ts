import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { type CommandActor, ExecuteCommand } from '@chronicle/application';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { type ChronicleConfig, toErrorResponse } from '@chronicle/platform';
import type { PlannedCommand } from '../import/import-plan';
import { ImportAppModule } from '../import-app.module';
import { type CommandSender, isRefusal, type SendOutcome } from './command-sender';

/** Recorded in every imported event's metadata as the producing actor. */
export const IMPORT_ACTOR: CommandActor = { id: 'chronicle-cli-import', roles: ['service'] };

/**
 * Sends commands through the CommandBus of a Nest application context: the same handler and
 * pipeline the HTTP controller calls, without the network. Errors are turned into the answer the
 * API would give, so both senders count the same refusals.
 */
export class InProcessSender implements CommandSender {
  private constructor(
    private readonly app: INestApplicationContext,
    private readonly commandBus: CommandBus,
    private readonly eventStore: EventStore,
    private readonly correlationId: string,
  ) {}

  /** Opens the write side on the configured stores (the embedded ones lock the data folder). */
  static async open(
    config: ChronicleConfig,
    correlationId: string = randomUUID(),
  ): Promise<InProcessSender> {
    const app = await NestFactory.createApplicationContext(ImportAppModule.forRoot(config), {
      logger: false,
      abortOnError: false,
    });
    return new InProcessSender(
      app,
      app.get(CommandBus),
      app.get<EventStore>(EVENT_STORE),
      correlationId,
    );
  }

  async send(command: PlannedCommand): Promise<SendOutcome> {
    const request = {
      type: command.type,
      body: command.payload,
      idempotencyKey: command.idempotencyKey,
      idempotencyScope: 'cli-import',
      correlationId: this.correlationId,
      actor: IMPORT_ACTOR,
    };
    try {
      const result = await this.commandBus.execute(new ExecuteCommand(request));
      return {
        ok: true,
        streamId: result.streamId,
        position: result.position,
        events: result.events.length,
      };
    } catch (error) {
      const { body } = toErrorResponse(error);
      if (!isRefusal(body.statusCode)) throw error;
      return { ok: false, statusCode: body.statusCode, code: body.code, message: body.message };
    }
  }

  headPosition(): Promise<string> {
    return this.eventStore.headPosition();
  }

  close(): Promise<void> {
    return this.app.close();
  }
}
