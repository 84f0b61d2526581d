// `@chronicle/scheduling/module`: the Nest module that picks BullMQ or the embedded timers.
export { QueueModule } from './queue.module';
