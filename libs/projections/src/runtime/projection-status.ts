/** What a projection is doing, as `GET /admin/projections` shows it. */
export type ProjectionState = 'catching_up' | 'live' | 'rebuilding' | 'failed' | 'stopped';

/** Why a projection stopped: the event its `apply` refused, or the store error that ended it. */
export interface ProjectionFailure {
  /** The generation that failed; during a rebuild it may be the new one while the old serves. */
  generation: number;
  message: string;
  /** The committed position: everything before the failing event is applied. */
  position: string;
  event?: { eventId: string; type: string; streamId: string; position: string };
  at: string;
}

/** A rebuild into a new generation; `done`/`total` are positions (see docs/projections.md). */
export interface RebuildProgress {
  jobId: string;
  generation: number;
  version: number;
  done: string;
  total: string;
  finished: boolean;
}

export interface ProjectionStatus {
  name: string;
  /** The version of the generation that serves reads. */
  version: number;
  /** The generation that serves reads. */
  generation: number;
  state: ProjectionState;
  /** The serving generation's committed position ('0' before its first batch). */
  position: string;
  headPosition: string;
  /** Positions behind the head, as a decimal string. */
  lag: string;
  /** True while another worker holds this projection's lease. */
  waitingForLease?: boolean;
  error?: ProjectionFailure;
  rebuild?: RebuildProgress;
}
