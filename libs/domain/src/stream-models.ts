import { type StreamModel } from './shared/decider';
import { contactStreamModel } from './contacts/contact-state';
import { customFieldDefinitionsModel } from './contacts/custom-field-definitions';
import {
  feedbackStreamModel,
  interactionStreamModel,
  surveyResponseStreamModel,
} from './interactions/interaction-commands';
import { campaignStreamModel } from './marketing/campaign-state';
import { dealStreamModel } from './sales/deal-state';
import { orderStreamModel } from './sales/order';
import { slaPoliciesStreamModel } from './service/sla-policies';
import { ticketStreamModel } from './service/ticket-state';
import { SLA_POLICIES_STREAM_ID } from './shared/stream-ids';

const MODELS_BY_PREFIX: ReadonlyArray<readonly [string, StreamModel]> = [
  ['contact-', contactStreamModel],
  ['deal-', dealStreamModel],
  ['order-', orderStreamModel],
  ['interaction-', interactionStreamModel],
  ['feedback-', feedbackStreamModel],
  ['survey-response-', surveyResponseStreamModel],
  ['campaign-', campaignStreamModel],
  ['ticket-', ticketStreamModel],
  ['custom-fields-', customFieldDefinitionsModel],
];

/**
 * How to fold a stream, chosen by its id's prefix. Evolve ignores event types it does not know, so
 * a stream written by a newer version still folds. An unknown prefix is a programming error.
 */
export function streamModelFor(streamId: string): StreamModel {
  if (streamId === SLA_POLICIES_STREAM_ID) return slaPoliciesStreamModel;
  const match = MODELS_BY_PREFIX.find(([prefix]) => streamId.startsWith(prefix));
  if (!match) throw new Error(`No stream model for stream ${streamId}`);
  return match[1];
}
