import { Module } from '@nestjs/common';
import { ConsoleController } from './console.controller';

/** Serves the console built into dist/console (docs/architecture.md, "The console"). */
@Module({ controllers: [ConsoleController] })
export class ConsoleModule {}
