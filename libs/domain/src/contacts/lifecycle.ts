export const LIFECYCLE_LADDER = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
] as const;
export type LadderStage = (typeof LIFECYCLE_LADDER)[number];

/** The ladder plus `other`, which stands off it. */
export const LIFECYCLE_STAGES = [...LIFECYCLE_LADDER, 'other'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const LEAD_STATUSES = [
  'new',
  'open',
  'in_progress',
  'open_deal',
  'unqualified',
  'attempted_to_contact',
  'connected',
  'bad_timing',
] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const QUALIFICATIONS = ['marketing', 'sales'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

export const QUALIFICATION_STAGES: Readonly<Record<Qualification, LadderStage>> = {
  marketing: 'marketingqualifiedlead',
  sales: 'salesqualifiedlead',
};

export function isLadderStage(stage: LifecycleStage): stage is LadderStage {
  return stage !== 'other';
}

export function ladderRank(stage: LadderStage): number {
  return LIFECYCLE_LADDER.indexOf(stage);
}
