// `@chronicle/scheduling/module`: the Nest modules that pick BullMQ or the embedded timers, and the
// shared Redis lease; importing them loads the adapters.
export { QueueModule } from './queue.module';
export { SLA_TIMERS_LEASE } from './queue-lifecycle';
export { SHARED_LEASE, leasesAreShared, type SharedLeaseTimings } from './shared-lease.module';
