import { exampleCommandPayloads } from './command-examples';
import { COMMAND_TYPES, commandDtos, isCommandType } from './command-registry';
import { validateCommand } from '../validation/validate-command';

const NOW = new Date('2025-03-01T12:00:00Z');

// The command catalog (docs/domain.md).
const CONTRACT_CATALOG = [
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

describe('the command registry', () => {
  it('holds exactly the v1 catalog', () => {
    expect([...COMMAND_TYPES].sort()).toEqual([...CONTRACT_CATALOG].sort());
  });

  it('has a DTO class and an example for every command type', () => {
    for (const type of COMMAND_TYPES) {
      expect(typeof commandDtos[type]).toBe('function');
      expect(Object.keys(exampleCommandPayloads)).toContain(type);
    }
    expect(Object.keys(exampleCommandPayloads)).toHaveLength(COMMAND_TYPES.length);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'registerContact'])(
    'does not know %p',
    (type) => {
      expect(isCommandType(type)).toBe(false);
      expect(commandDtos[type]).toBeUndefined();
    },
  );

  it('knows the catalog names', () => {
    expect(CONTRACT_CATALOG.every(isCommandType)).toBe(true);
  });
});

describe.each(COMMAND_TYPES)('the %s example', (type) => {
  // A JSON round trip, as the HTTP layer and the queue deliver bodies.
  const body = () =>
    JSON.parse(JSON.stringify(exampleCommandPayloads[type])) as Record<string, unknown>;

  it('is valid, and comes back as sent', () => {
    expect(validateCommand(type, body(), NOW)).toEqual({ ok: true, payload: body() });
  });

  it('is refused with one extra field, on that field alone', () => {
    expect(validateCommand(type, { ...body(), unexpected: 'x' }, NOW)).toEqual({
      ok: false,
      problems: [{ field: 'unexpected', problems: ['property unexpected should not exist'] }],
    });
  });

  it('may carry occurredAt, but not far in the future', () => {
    expect(validateCommand(type, { ...body(), occurredAt: '2025-01-15T08:00:00Z' }, NOW).ok).toBe(
      true,
    );
    expect(validateCommand(type, { ...body(), occurredAt: '2025-03-01T12:06:00Z' }, NOW)).toEqual({
      ok: false,
      problems: [
        {
          field: 'occurredAt',
          problems: ['occurredAt must not be more than 5 minutes in the future'],
        },
      ],
    });
  });
});
