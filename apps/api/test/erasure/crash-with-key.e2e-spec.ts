import { FAULT_POINTS } from '@chronicle/application';
import { crashDuringErasure } from './support/crash-scenario';

// kill -9 at every step of an erasure sent with an Idempotency-Key (fault points, not luck); the
// retry uses the same key. docs/adr/007-erasure.md lists the steps.
describe('an erasure with an Idempotency-Key, killed -9 at every step', () => {
  it.each(FAULT_POINTS)(
    'leaves nothing served and no remnant in any file after %s',
    (point) => crashDuringErasure(point, `erase-${point}`),
    120_000,
  );
});
