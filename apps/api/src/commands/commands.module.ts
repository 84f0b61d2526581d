import { Module } from '@nestjs/common';
import { ApplicationModule } from '@chronicle/application';
import { CommandsController } from './commands.controller';

@Module({
  imports: [ApplicationModule],
  controllers: [CommandsController],
})
export class CommandsModule {}
