import type { DomainEvent } from '@chronicle/domain';
import type { ErasureCompletion } from '../erasure/erasure-completion';
import { FaultPoints } from '../erasure/fault-points';
import { type ContactIdentities, erasedSubjects } from '../identity/contact-identities';
import type { AppendHooks } from './entry-appender';

/**
 * What surrounds an append, in the same order every time and safe to run twice (a resumed command
 * runs it again for what it had already appended): an erasure is announced before its event is
 * appended and carried out right after, and the identity index follows contact details.
 */
export class AppendFollowUp implements AppendHooks {
  constructor(
    private readonly identities: ContactIdentities,
    private readonly erasure: ErasureCompletion,
    /** Drops folded states held in memory: some may hold the subjects' personal data in clear. */
    private readonly forgetDecryptedState: () => void,
    private readonly faults: FaultPoints = FaultPoints.none,
  ) {}

  // From here on the subjects read as erased: once the event is stored there is no moment in
  // which a reader could still be given their personal data.
  beforeAppend(events: readonly DomainEvent[]): void {
    const subjects = subjectsErasedBy(events);
    if (subjects.length === 0) return;
    this.erasure.announce(subjects);
    this.forgetDecryptedState();
    this.faults.reach('erase.before-append');
  }

  appendFailed(events: readonly DomainEvent[]): void {
    const subjects = subjectsErasedBy(events);
    if (subjects.length > 0) this.erasure.withdraw(subjects);
  }

  async afterAppend(events: readonly DomainEvent[]): Promise<void> {
    const subjects = subjectsErasedBy(events);
    if (subjects.length > 0) {
      this.erasure.announce(subjects);
      this.forgetDecryptedState();
      this.faults.reach('erase.after-append');
      // Never fails the command: the erasure is stored, so it has succeeded; what could not be
      // destroyed now is retried, and its subjects read as erased meanwhile.
      await this.erasure.finish(subjects);
    }
    await this.identities.indexEvents(events);
  }
}

export function subjectsErasedBy(events: readonly DomainEvent[]): string[] {
  return events.flatMap((event) =>
    event.type === 'ContactPersonalDataErased' ? erasedSubjects(event.data) : [],
  );
}
