import { QueryPosition } from './query-fields';

/** `?minPosition=`: the query of every read that takes no other parameter. */
export class ReadYourWritesQuery {
  @QueryPosition(
    'Read-your-writes: wait (up to 5 s) until the read model has applied this global position',
  )
  minPosition?: string;
}
