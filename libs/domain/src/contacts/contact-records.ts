import {
  defineCommand,
  onStream,
  type CommandSpec,
  type DomainEvent,
  type StreamModel,
} from '../shared/decider';
import { isRepeatedCreation } from '../shared/creation';
import { contactStreamId } from '../shared/stream-ids';
import { requireActiveContact } from './contact-guards';
import { type ContactState } from './contact-state';

/** A stream holding one write-once fact about a contact: an order, an interaction, feedback… */
export type RecordState<D> = { status: 'none' } | { status: 'recorded'; data: D };

export function recordStreamModel<D extends Record<string, unknown>>(
  eventType: string,
): StreamModel<RecordState<D>> {
  return {
    initialState: { status: 'none' },
    evolve(state: RecordState<D>, event: DomainEvent): RecordState<D> {
      if (state.status !== 'none' || event.type !== eventType) return state;
      return { status: 'recorded', data: event.data as D };
    },
  };
}

interface ContactRecordSpec<P, T extends string, D> {
  commandType: string;
  eventType: T;
  /** How messages name the record, e.g. "Order O-1". */
  describe(payload: P): string;
  streamId(payload: P): string;
  toData(payload: P): D;
  /** Fields computed by toData that a repeat does not need to match. */
  derivedKeys?: readonly string[];
}

/**
 * The create command of such a record: a repeat with the same data answers no events, other data
 * is ALREADY_EXISTS, and the contact it names must exist and be active (checked through `related`).
 */
export function defineContactRecord<
  P extends { contactId: string },
  T extends string,
  D extends { contactId: string } & Record<string, unknown>,
>(spec: ContactRecordSpec<P, T, D>): CommandSpec<P, RecordState<D>, { contact: ContactState }> {
  return defineCommand<P, RecordState<D>, { contact: ContactState }>({
    commandType: spec.commandType,
    streamId: (payload) => spec.streamId(payload),
    related: (payload) => ({ contact: contactStreamId(payload.contactId) }),
    decide(payload, state, ctx) {
      const streamId = spec.streamId(payload);
      const data = spec.toData(payload);
      if (state.status === 'recorded') {
        isRepeatedCreation(state.data, data, spec.describe(payload), spec.derivedKeys);
        return onStream(streamId, []);
      }
      requireActiveContact(ctx.related.contact, payload.contactId);
      const event: DomainEvent & { type: T; data: D } = { type: spec.eventType, data };
      return onStream(streamId, [event]);
    },
  });
}
