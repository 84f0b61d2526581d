import { contactRegistered } from '../testing/fixtures';
import { given, type RecordedEvent } from '../testing/given';

const contact = { 'contact-C1': [contactRegistered('C1')] };
const mergedContact = {
  'contact-C1': [
    contactRegistered('C1'),
    {
      type: 'ContactsMerged',
      data: { contactId: 'C1', survivorContactId: 'C9', duplicateContactId: 'C1' },
    } as RecordedEvent,
  ],
};

const cases = [
  {
    command: 'LogInteraction',
    stream: 'interaction-I1',
    payload: {
      interactionId: 'I1',
      contactId: 'C1',
      kind: 'call',
      direction: 'inbound',
      notes: 'asked for a demo',
      durationSeconds: 300,
      ticketId: 'T1',
    },
    event: 'InteractionLogged',
    changed: { kind: 'email' },
  },
  {
    command: 'RecordFeedback',
    stream: 'feedback-F1',
    payload: { feedbackId: 'F1', contactId: 'C1', kind: 'complaint', description: 'late delivery' },
    event: 'FeedbackRecorded',
    changed: { description: 'rude agent' },
  },
  {
    command: 'RecordSurveyResponse',
    stream: 'survey-response-R1',
    payload: {
      responseId: 'R1',
      contactId: 'C1',
      surveyId: 'NPS',
      answers: [{ question: 'Why?', answer: 'Fast' }],
      score: 9,
    },
    event: 'SurveyResponseRecorded',
    changed: { score: 3 },
  },
] as const;

describe.each(cases)('$command', ({ command, stream, payload, event, changed }) => {
  const recorded = { type: event, data: payload } as RecordedEvent;

  it('records the fact for a known contact', () => {
    given(contact).when(command, payload).thenEmits([recorded]);
  });

  it('drops keys that are not part of the fact', () => {
    given(contact)
      .when(command, { ...payload, occurredAt: '2025-01-01T00:00:00Z', extra: 1 })
      .thenEmits([recorded]);
  });

  it('is NOT_FOUND for an unknown contact', () => {
    given()
      .when(command, payload)
      .thenFails('NOT_FOUND', /Contact C1 does not exist/);
  });

  it('refuses a merged-away contact, naming the survivor', () => {
    given(mergedContact)
      .when(command, payload)
      .thenFails('RULE_VIOLATED', /merged into contact C9/);
  });

  it('treats the same fact again as a repeat and a different one as ALREADY_EXISTS', () => {
    const history = { ...contact, [stream]: [recorded] };
    given(history).when(command, payload).thenEmits([]);
    given(history)
      .when(command, { ...payload, ...changed })
      .thenFails('ALREADY_EXISTS');
  });
});
