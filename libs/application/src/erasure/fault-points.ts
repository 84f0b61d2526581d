/**
 * The steps of an erasure where the crash tests stop the process. Test-only: nothing is armed
 * unless CHRONICLE_FAULT names one of them (docs/adr/007-erasure.md).
 */
export const FAULT_POINTS = [
  'erase.before-append',
  'erase.after-append',
  'erase.after-key-tombstoned',
  'erase.after-keys-destroyed',
  'erase.after-remnants-forgotten',
  'erase.after-answer-recorded',
] as const;

export type FaultPoint = (typeof FAULT_POINTS)[number];

/**
 * Kills the process without warning (SIGKILL, as `kill -9` does) when it reaches the armed point,
 * so a test can prove what a crash at exactly that step leaves behind instead of hoping to hit it.
 */
export class FaultPoints {
  static readonly none = new FaultPoints(undefined);

  private constructor(private readonly armed: FaultPoint | undefined) {}

  /** From the setting's value: unset or empty arms nothing, an unknown name stops the start. */
  static fromSetting(value: string | undefined): FaultPoints {
    const name = value?.trim();
    if (!name) return FaultPoints.none;
    if (!(FAULT_POINTS as readonly string[]).includes(name)) {
      throw new Error(`CHRONICLE_FAULT names no fault point (known: ${FAULT_POINTS.join(', ')})`);
    }
    return new FaultPoints(name as FaultPoint);
  }

  reach(point: FaultPoint): void {
    if (point === this.armed) process.kill(process.pid, 'SIGKILL');
  }
}
