import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandRequest, CommandResult } from './command-types';
import { CommandPipeline } from './command-pipeline';

/** A Chronicle command on its way through the CommandBus, from HTTP or the command queue. */
export class ExecuteCommand extends Command<CommandResult> {
  constructor(readonly request: CommandRequest) {
    super();
  }
}

@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: ExecuteCommand): Promise<CommandResult> {
    return this.pipeline.execute(command.request);
  }
}
