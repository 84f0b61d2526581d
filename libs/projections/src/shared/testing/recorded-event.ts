import type { JsonObject, RecordedEvent } from '@chronicle/event-store';

/** What a test says about an event; the rest of a RecordedEvent is filled in plausibly. */
export interface EventSketch {
  type: string;
  data: JsonObject;
  /** Business time, ISO-8601. */
  at: string;
  streamId?: string;
}

/**
 * Builds RecordedEvents with growing global positions (1, 2, 3, … in call order), as the store
 * would hand them to a projection. One factory per test keeps positions predictable.
 */
export function recordedEvents(): {
  event(sketch: EventSketch): RecordedEvent;
  /** The position the next event will get minus one: the last position handed out. */
  lastPosition(): string;
} {
  let position = 0;
  const revisions = new Map<string, number>();
  return {
    event({ type, data, at, streamId }) {
      position += 1;
      const stream = streamId ?? defaultStreamId(type, data);
      const revision = (revisions.get(stream) ?? -1) + 1;
      revisions.set(stream, revision);
      return {
        eventId: `event-${position}`,
        type,
        streamId: stream,
        revision,
        position: String(position),
        data,
        metadata: {
          commandId: `command-${position}`,
          correlationId: `correlation-${position}`,
          causationId: `command-${position}`,
          actor: 'test',
          occurredAt: at,
          recordedAt: at,
          schemaVersion: 1,
        },
        storedAt: at,
        hash: `hash-${position}`,
      };
    },
    lastPosition: () => String(position),
  };
}

/** The stream the domain would write the event to, from the ids in its data. */
function defaultStreamId(type: string, data: JsonObject): string {
  const id = (key: string): string => {
    const value = data[key];
    return typeof value === 'string' ? value : 'unknown';
  };
  if (type.startsWith('Deal')) return `deal-${id('dealId')}`;
  if (type.startsWith('Ticket') || type === 'SlaBreached') return `ticket-${id('ticketId')}`;
  if (type === 'PurchaseRecorded') return `order-${id('orderId')}`;
  if (type === 'InteractionLogged') return `interaction-${id('interactionId')}`;
  if (type === 'FeedbackRecorded') return `feedback-${id('feedbackId')}`;
  if (type === 'SurveyResponseRecorded') return `survey-response-${id('responseId')}`;
  if (type === 'CampaignLaunched' || type === 'CampaignCompleted')
    return `campaign-${id('campaignId')}`;
  if (type === 'SlaPolicyDefined') return 'sla-policies';
  if (type === 'CustomFieldDefined') return `custom-fields-${id('entity')}`;
  return `contact-${id('contactId')}`;
}
