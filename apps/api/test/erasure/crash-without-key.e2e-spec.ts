import { FAULT_POINTS } from '@chronicle/application';
import { crashDuringErasure } from './support/crash-scenario';

// kill -9 at every step of an erasure sent without an Idempotency-Key: only the erased marker in
// the log tells the restarted server what to finish, and a plain repeat of the erase answers 201.
describe('an erasure without an Idempotency-Key, killed -9 at every step', () => {
  it.each(FAULT_POINTS)(
    'leaves nothing served and no remnant in any file after %s',
    (point) => crashDuringErasure(point, undefined),
    120_000,
  );
});
