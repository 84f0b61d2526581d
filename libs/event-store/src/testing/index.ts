export { describeEventStoreContract } from './event-store.contract';
export { anEvent, events, uniqueStream } from './event-factory';
export { collectFromSubscription } from './collect';
export {
  exited,
  killAllFixtures,
  killed,
  readLines,
  runFixture,
  waitForLine,
} from './fixture-process';
