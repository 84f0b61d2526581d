import { type EventOf } from '../shared/decider';

export const INTERACTION_KINDS = [
  'call',
  'email',
  'meeting',
  'chat',
  'sms',
  'social',
  'web_visit',
  'app_event',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const INTERACTION_DIRECTIONS = ['inbound', 'outbound'] as const;
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export const FEEDBACK_KINDS = ['feedback', 'complaint', 'compliment'] as const;

export type InteractionLoggedData = {
  interactionId: string;
  contactId: string;
  kind: InteractionKind;
  direction?: (typeof INTERACTION_DIRECTIONS)[number];
  subject?: string;
  notes?: string;
  sentiment?: (typeof SENTIMENTS)[number];
  durationSeconds?: number;
  campaignId?: string;
  ticketId?: string;
  dealId?: string;
  agentId?: string;
};

export type FeedbackRecordedData = {
  feedbackId: string;
  contactId: string;
  kind: (typeof FEEDBACK_KINDS)[number];
  description: string;
  ticketId?: string;
};

export type SurveyAnswer = { question: string; answer: string };

export type SurveyResponseRecordedData = {
  responseId: string;
  contactId: string;
  surveyId: string;
  answers: SurveyAnswer[];
  score?: number;
};

export type LogInteraction = InteractionLoggedData;
export type RecordFeedback = FeedbackRecordedData;
export type RecordSurveyResponse = SurveyResponseRecordedData;

export type InteractionEvent =
  | EventOf<'InteractionLogged', InteractionLoggedData>
  | EventOf<'FeedbackRecorded', FeedbackRecordedData>
  | EventOf<'SurveyResponseRecorded', SurveyResponseRecordedData>;
