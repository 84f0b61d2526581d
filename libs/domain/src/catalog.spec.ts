import { commandSpecs, COMMAND_TYPES, isCommandType } from './catalog';
import { type CommandSpec } from './shared/decider';
import { streamModelFor } from './stream-models';

// The catalog of docs/domain.md, in its order: the catalog must answer every one of them.
const CONTRACT_COMMANDS = [
  'RegisterContact',
  'UpdateContactDetails',
  'DefineCustomField',
  'SetCustomField',
  'ChangeLifecycleStage',
  'QualifyLead',
  'DisqualifyLead',
  'SetLeadStatus',
  'AssignContactOwner',
  'RecordConsent',
  'MergeContacts',
  'EraseContactPersonalData',
  'OpenDeal',
  'AdvanceDealStage',
  'WinDeal',
  'LoseDeal',
  'RecordPurchase',
  'LogInteraction',
  'RecordFeedback',
  'RecordSurveyResponse',
  'LaunchCampaign',
  'RecordCampaignTouch',
  'CompleteCampaign',
  'DefineSlaPolicy',
  'OpenTicket',
  'AssignTicket',
  'RespondToTicket',
  'ChangeTicketPriority',
  'ResolveTicket',
  'ReopenTicket',
  'CloseTicket',
];

// Looked up by any string, as a type named in a request's path would be.
const specByName: Readonly<Record<string, CommandSpec | undefined>> = commandSpecs;

describe('commandSpecs', () => {
  it('holds exactly the v1 commands, each under its own type', () => {
    expect([...COMMAND_TYPES].sort()).toEqual([...CONTRACT_COMMANDS].sort());
    for (const type of CONTRACT_COMMANDS) expect(specByName[type]?.commandType).toBe(type);
  });

  it('finds nothing for Object prototype names', () => {
    expect(specByName['toString']).toBeUndefined();
    expect(specByName['__proto__']).toBeUndefined();
    expect(isCommandType('constructor')).toBe(false);
    expect(isCommandType('CloseTicket')).toBe(true);
  });
});

describe('streamModelFor', () => {
  it.each([
    ['contact-C1', { status: 'unregistered' }],
    ['deal-D1', { status: 'none' }],
    ['order-O1', { status: 'none' }],
    ['interaction-I1', { status: 'none' }],
    ['feedback-F1', { status: 'none' }],
    ['survey-response-R1', { status: 'none' }],
    ['campaign-K1', { status: 'none' }],
    ['ticket-T1', { status: 'none' }],
    ['custom-fields-contact', { fields: {} }],
    ['sla-policies', { policies: [] }],
  ])('knows %s', (streamId, initialState) => {
    expect(streamModelFor(streamId).initialState).toEqual(initialState);
  });

  it('leaves a state alone for an event type it does not know', () => {
    const model = streamModelFor('ticket-T1');
    const state = model.evolve(
      model.initialState,
      { type: 'FutureThing', data: {} },
      { occurredAt: 'x' },
    );
    expect(state).toBe(model.initialState);
  });

  it('refuses a stream id with an unknown prefix', () => {
    expect(() => streamModelFor('widget-1')).toThrow('No stream model for stream widget-1');
  });
});
