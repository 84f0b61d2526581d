import { Logger } from '@nestjs/common';
import {
  comparePositions,
  type EventStore,
  type RecordedEvent,
  START_POSITION,
} from '@chronicle/event-store';
import { erasedSubjects } from '../identity/contact-identities';
import type { ErasureCheckpoint, ErasureCheckpoints } from './erasure-checkpoint.port';
import type { ErasureCompletion } from './erasure-completion';

const ERASED_TYPE = 'ContactPersonalDataErased';
const PAGE = 500;

/**
 * Run at start, before the first request: finds every erasure stored since the stores' erasure
 * checkpoints (all of them, when a checkpoint is missing or does not match the log) and finishes
 * its destruction, so a crash between the append and the destruction is repaired before anything
 * is served. The checkpoints move only when everything found is destroyed.
 */
export class ErasureReconciliation {
  private readonly logger = new Logger('Erasure');

  constructor(
    private readonly eventStore: EventStore,
    private readonly checkpoints: readonly ErasureCheckpoints[],
    private readonly completion: ErasureCompletion,
  ) {}

  /** Resolves with the subjects found (finished, or pending with retries under way). */
  async run(): Promise<string[]> {
    const head = await this.eventStore.headPosition();
    const from = await this.startingPoint(head);
    const subjects = new Set<string>();
    for (let after = from; ;) {
      const page = await this.eventStore.readAll({
        after,
        maxCount: PAGE,
        filter: { eventTypePrefixes: [ERASED_TYPE] },
      });
      for (const event of page) {
        if (event.type === ERASED_TYPE) for (const s of erasedSubjects(event.data)) subjects.add(s);
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.position;
    }
    const found = [...subjects];
    if (!(await this.completion.finish(found))) {
      this.logger.warn(`${found.length} erased subject(s) still to destroy; retrying`);
      return found;
    }
    const reached: ErasureCheckpoint = { position: head, ...(await this.eventIdAt(head)) };
    for (const checkpoint of this.checkpoints) await checkpoint.write(reached);
    return found;
  }

  // The earliest checkpoint of all stores; one that is ahead of the log or names another event
  // than the log holds there means the log was replaced, and everything is read again.
  private async startingPoint(head: string): Promise<string> {
    let from: string | undefined;
    for (const store of this.checkpoints) {
      const checkpoint = await store.read();
      const trusted = checkpoint && (await this.matchesLog(checkpoint, head));
      const position = trusted ? checkpoint.position : START_POSITION;
      if (from === undefined || comparePositions(position, from) < 0) from = position;
    }
    return from ?? START_POSITION;
  }

  private async matchesLog(checkpoint: ErasureCheckpoint, head: string): Promise<boolean> {
    if (comparePositions(checkpoint.position, head) > 0) return false;
    if (checkpoint.position === START_POSITION) return true;
    const stored = await this.eventAt(checkpoint.position);
    return stored !== undefined && stored.eventId === checkpoint.eventId;
  }

  private async eventIdAt(position: string): Promise<{ eventId?: string }> {
    if (position === START_POSITION) return {};
    const stored = await this.eventAt(position);
    return stored ? { eventId: stored.eventId } : {};
  }

  private async eventAt(position: string): Promise<RecordedEvent | undefined> {
    const before = (BigInt(position) - 1n).toString();
    const [event] = await this.eventStore.readAll({ after: before, maxCount: 1 });
    return event?.position === position ? event : undefined;
  }
}
