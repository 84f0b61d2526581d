import type { PlannedCommand } from './import-plan';
import type { SendOutcome } from '../senders/command-sender';

/** A refused command, kept as an example in the report. */
export interface RefusalSample {
  entity: string;
  type: string;
  idempotencyKey: string;
  code: string;
  message: string;
}

const SAMPLES_KEPT = 20;

/** What an import did: answered commands by type, refusals by code, and a few examples. */
export class ImportReport {
  readonly acceptedByType = new Map<string, number>();
  readonly refusedByCode = new Map<string, number>();
  readonly samples: RefusalSample[] = [];
  /** Events the answers listed; a repeat answers like the first time, so this counts both. */
  eventsAnswered = 0;
  accepted = 0;
  refused = 0;

  record(entity: string, command: PlannedCommand, outcome: SendOutcome): void {
    if (outcome.ok) {
      this.accepted += 1;
      this.eventsAnswered += outcome.events;
      increment(this.acceptedByType, command.type);
      return;
    }
    this.refused += 1;
    increment(this.refusedByCode, outcome.code);
    if (this.samples.length < SAMPLES_KEPT) {
      const { type, idempotencyKey } = command;
      const { code, message } = outcome;
      this.samples.push({ entity, type, idempotencyKey, code, message });
    }
  }

  get answered(): number {
    return this.accepted + this.refused;
  }

  /** Human-readable lines for stdout. */
  describe(seconds: number): string[] {
    const rate = seconds > 0 ? Math.round(this.answered / seconds) : this.answered;
    const lines = [
      `${this.answered} commands in ${seconds.toFixed(1)} s (${rate} commands/s): ` +
        `${this.accepted} accepted, ${this.refused} refused`,
      ...[...this.acceptedByType].map(([type, count]) => `  ${type}: ${count}`),
    ];
    if (this.refused > 0) {
      lines.push('Refused by code:');
      lines.push(...[...this.refusedByCode].map(([code, count]) => `  ${code}: ${count}`));
      lines.push('Examples:');
      lines.push(
        ...this.samples.map(
          (s) => `  ${s.entity} ${s.type} [${s.idempotencyKey}] ${s.code}: ${s.message}`,
        ),
      );
    }
    return lines;
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
