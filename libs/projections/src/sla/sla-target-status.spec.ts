import { slaTargetStatus } from './sla-target-status';

const DUE = '2024-03-04T10:00:00.000Z';
const plus = (ms: number): string => new Date(Date.parse(DUE) + ms).toISOString();

describe('slaTargetStatus', () => {
  it('counts a target done exactly at its due time as met, a millisecond later as breached', () => {
    const now = new Date(plus(3_600_000));

    expect(slaTargetStatus(DUE, DUE, now)).toBe('met');
    expect(slaTargetStatus(DUE, plus(1), now)).toBe('breached');
  });

  it('judges a done target by its own time, whatever the current time', () => {
    expect(slaTargetStatus(DUE, plus(-1), new Date(plus(10_000_000)))).toBe('met');
  });

  it('keeps an unfinished target pending until the current time passes its due time', () => {
    expect(slaTargetStatus(DUE, null, new Date(DUE))).toBe('pending');
    expect(slaTargetStatus(DUE, null, new Date(plus(1)))).toBe('breached');
  });

  it('compares instants, not texts, when the due time carries an offset', () => {
    expect(slaTargetStatus('2024-03-04T12:00:00+02:00', DUE, new Date(DUE))).toBe('met');
  });
});
