import { LIFECYCLE_LADDER, type LadderStage } from '@chronicle/domain';

export { LIFECYCLE_LADDER, type LadderStage };

/** Rank of a stage on the lifecycle ladder (subscriber = 0 … evangelist = 6); -1 for `other` or an unknown stage. */
export function ladderRankOf(stage: unknown): number {
  return typeof stage === 'string' ? (LIFECYCLE_LADDER as readonly string[]).indexOf(stage) : -1;
}

/** The ladder stage at `rank`, or undefined off the ladder. */
export function ladderStageAt(rank: number): LadderStage | undefined {
  return LIFECYCLE_LADDER[rank];
}
