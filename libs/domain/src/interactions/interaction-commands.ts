import { pickDefined } from '../shared/objects';
import {
  feedbackStreamId,
  interactionStreamId,
  surveyResponseStreamId,
} from '../shared/stream-ids';
import { defineContactRecord, recordStreamModel } from '../contacts/contact-records';
import {
  type FeedbackRecordedData,
  type InteractionLoggedData,
  type LogInteraction,
  type RecordFeedback,
  type RecordSurveyResponse,
  type SurveyResponseRecordedData,
} from './interaction-events';

export const interactionStreamModel = recordStreamModel<InteractionLoggedData>('InteractionLogged');
export const feedbackStreamModel = recordStreamModel<FeedbackRecordedData>('FeedbackRecorded');
export const surveyResponseStreamModel =
  recordStreamModel<SurveyResponseRecordedData>('SurveyResponseRecorded');

/** ticketId, dealId and campaignId are references for the views; only the contact is checked. */
export const logInteraction = defineContactRecord({
  commandType: 'LogInteraction',
  eventType: 'InteractionLogged',
  describe: (payload: LogInteraction) => `Interaction ${payload.interactionId}`,
  streamId: (payload) => interactionStreamId(payload.interactionId),
  toData: (payload): InteractionLoggedData =>
    pickDefined(payload, [
      'interactionId',
      'contactId',
      'kind',
      'direction',
      'subject',
      'notes',
      'sentiment',
      'durationSeconds',
      'campaignId',
      'ticketId',
      'dealId',
      'agentId',
    ]),
});

export const recordFeedback = defineContactRecord({
  commandType: 'RecordFeedback',
  eventType: 'FeedbackRecorded',
  describe: (payload: RecordFeedback) => `Feedback ${payload.feedbackId}`,
  streamId: (payload) => feedbackStreamId(payload.feedbackId),
  toData: (payload): FeedbackRecordedData =>
    pickDefined(payload, ['feedbackId', 'contactId', 'kind', 'description', 'ticketId']),
});

export const recordSurveyResponse = defineContactRecord({
  commandType: 'RecordSurveyResponse',
  eventType: 'SurveyResponseRecorded',
  describe: (payload: RecordSurveyResponse) => `Survey response ${payload.responseId}`,
  streamId: (payload) => surveyResponseStreamId(payload.responseId),
  toData: ({ answers, ...rest }): SurveyResponseRecordedData => ({
    ...pickDefined(rest, ['responseId', 'contactId', 'surveyId', 'score']),
    answers: answers.map(({ question, answer }) => ({ question, answer })),
  }),
});
