/**
 * A reader asked for events after a position the store has not reached: a position from another
 * store, or from before a restore. Waiting would hide the mistake, so it is refused.
 */
export class PositionBeyondHeadError extends Error {
  readonly code = 'POSITION_BEYOND_HEAD';
  constructor(
    readonly after: string,
    readonly head: string,
  ) {
    super(`Position ${after} is beyond the head of the store (${head})`);
  }
}
