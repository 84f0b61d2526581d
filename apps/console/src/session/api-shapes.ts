// The wire formats the console reads, as docs/api.md and the view docs describe them. Only the
// fields the pages use are listed; the server may send more.

export interface Identity {
  id: string;
  roles: string[];
}

export interface FunnelStage {
  stage: string;
  current: number;
  reached: number;
  conversionToNext: number | null;
  medianSecondsInStage: number | null;
}

export interface FunnelView {
  total: number;
  other: number;
  stages: FunnelStage[];
  position: string;
}

export interface CampaignView {
  campaignId: string;
  name: string;
  channel: string | null;
  status: string;
  budget: number | null;
  currency?: string | null;
  touches: Record<string, number>;
  reached: number;
  leads: number;
  mqls: number;
  sqls: number;
  opportunities: number;
  customers: number;
  dealsWon: number;
  revenue: number;
  conversionRate: number | null;
  costPerAcquisition: number | null;
  roi: number | null;
  model?: string;
}

export interface CampaignListView {
  campaigns: CampaignView[];
  position: string;
}

export interface ChannelBreakdown {
  channels: Array<{
    channel: string | null;
    campaigns: number;
    budget: number;
    reached: number;
    customers: number;
    revenue: number;
    conversionRate: number | null;
    roi: number | null;
  }>;
  position: string;
}

export interface SlaTarget {
  met: number;
  breached: number;
  pending: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface SlaFigures {
  tickets: number;
  open: number;
  firstResponse: SlaTarget;
  resolution: SlaTarget;
  satisfaction: { responses: number; average: number | null };
}

export interface ServiceSlaView extends SlaFigures {
  byPriority: Array<SlaFigures & { priority: string }>;
  byTeam: Array<SlaFigures & { teamId: string | null }>;
  position: string;
}

export interface OpenAmounts {
  count: number;
  amount: number;
  weightedAmount: number;
}

export interface PipelineGroup {
  key: string | null;
  open: OpenAmounts;
  won: number;
  lost: number;
  winRate: number | null;
  revenue: number;
  averageDaysToClose: number | null;
}

export interface PipelineView {
  stages: Array<OpenAmounts & { stage: string }>;
  won: number;
  lost: number;
  winRate: number | null;
  revenue: number;
  averageDaysToClose: number | null;
  currencies?: string[];
  groups?: PipelineGroup[];
  position: string;
}

export interface ForecastView {
  months: Array<{ month: string; open: OpenAmounts; won: { count: number; revenue: number } }>;
  noCloseDate: OpenAmounts;
  position: string;
}

export interface AuditEvent {
  eventId: string;
  type: string;
  streamId: string;
  revision: number;
  position: string;
  data: Record<string, unknown>;
  metadata: {
    occurredAt?: string;
    recordedAt?: string;
    correlationId?: string;
    commandId?: string;
    actor?: { id: string; roles?: string[] };
  };
  storedAt: string;
  hash: string;
}

export interface CustomerEventsPage {
  events: AuditEvent[];
  next?: string;
}

export type CustomerState = Record<string, unknown> & { contactId: string; position: string };

export interface CustomerVerification {
  ok: boolean;
  streams: Array<{ streamId: string; events: number; ok: boolean; firstBadRevision?: number }>;
}

export interface Checkpoint {
  treeSize: number;
  rootHash: string;
  position: string;
  timestamp: string;
  keyId: string;
  publicKey: string;
  signature: string;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  generation: number;
  state: string;
  position: string;
  headPosition: string;
  lag: string;
  waitingForLease?: boolean;
  error?: { message: string; at: string };
  rebuild?: { jobId: string; done: string; total: string; finished: boolean };
}

export interface ProjectionsReport {
  headPosition: string;
  projections: ProjectionStatus[];
}

export interface HealthReport {
  status: string;
  eventStore: { adapter: string; status: string };
  readStore: { adapter: string; status: string };
  redis: { status: string };
  integrity: { status: string; treeSize?: number; problemCount?: number };
}

/** `GET /admin/webhooks/{id}`: a subscription and where its deliveries stand. */
export interface Webhook {
  webhookId: string;
  url: string;
  eventTypes: string[];
  state: string;
  description?: string | null;
  position?: string;
  lag?: string;
  failing?: boolean;
  lastDeliveryAt?: string | null;
  deliveries?: { failed: number; held: number; dead: number };
}

export interface DataQualityView {
  contacts: number;
  missing: { name: number; email: number; phone: number; owner: number };
  duplicatesSuspected: { open: number; contacts: number };
  stale: number;
  erased: number;
  merged: number;
  position: string;
}
