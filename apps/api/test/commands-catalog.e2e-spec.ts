import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_TYPES, exampleCommandPayloads as examples } from '@chronicle/application';
import { ApiHarness, TOKENS } from '../src/commands/testing/api-harness';

interface Step {
  type: string;
  payload: Readonly<Record<string, unknown>>;
  stream: string;
  emits: string[];
  token?: string;
}

// One world, in an order where each example is accepted; a few extra steps put the world in the
// state an example needs (a different owner first, so assigning U-7 changes something).
const steps: Step[] = [
  {
    type: 'DefineCustomField',
    payload: { entity: 'contact', field: 'newsletter', type: 'boolean' },
    stream: 'custom-fields-contact',
    emits: ['CustomFieldDefined'],
  },
  step('DefineCustomField', 'custom-fields-contact', ['CustomFieldDefined']),
  step('LaunchCampaign', 'campaign-CMP-1', ['CampaignLaunched']),
  step('RegisterContact', 'contact-C-1', ['ContactRegistered']),
  {
    type: 'RegisterContact',
    payload: { contactId: 'C-2', firstName: 'Augusta', email: 'ADA@Example.com' },
    stream: 'contact-C-2',
    emits: ['ContactRegistered', 'DuplicateSuspected'],
  },
  step('UpdateContactDetails', 'contact-C-1', ['ContactDetailsUpdated']),
  {
    type: 'SetCustomField',
    payload: { ...examples.SetCustomField, value: 'silver' },
    stream: 'contact-C-1',
    emits: ['CustomFieldSet'],
  },
  step('SetCustomField', 'contact-C-1', ['CustomFieldSet']),
  step('QualifyLead', 'contact-C-1', ['LeadQualified', 'LifecycleStageChanged']),
  step('ChangeLifecycleStage', 'contact-C-1', ['LifecycleStageChanged']),
  step('SetLeadStatus', 'contact-C-1', ['LeadStatusChanged']),
  step('DisqualifyLead', 'contact-C-1', ['LeadDisqualified']),
  {
    type: 'AssignContactOwner',
    payload: { ...examples.AssignContactOwner, ownerId: 'U-8' },
    stream: 'contact-C-1',
    emits: ['ContactOwnerAssigned'],
  },
  step('AssignContactOwner', 'contact-C-1', ['ContactOwnerAssigned']),
  step('RecordConsent', 'contact-C-1', ['ConsentRecorded']),
  step('RecordCampaignTouch', 'contact-C-1', ['CampaignTouchRecorded']),
  step('OpenDeal', 'deal-D-1', ['DealOpened']),
  step('AdvanceDealStage', 'deal-D-1', ['DealStageAdvanced']),
  step('WinDeal', 'deal-D-1', ['DealWon']),
  {
    type: 'OpenDeal',
    payload: { ...examples.OpenDeal, dealId: 'D-2' },
    stream: 'deal-D-2',
    emits: ['DealOpened'],
  },
  {
    type: 'LoseDeal',
    payload: { ...examples.LoseDeal, dealId: 'D-2' },
    stream: 'deal-D-2',
    emits: ['DealLost'],
  },
  step('RecordPurchase', 'order-O-1', ['PurchaseRecorded']),
  step('LogInteraction', 'interaction-I-1', ['InteractionLogged']),
  step('RecordFeedback', 'feedback-FB-1', ['FeedbackRecorded']),
  step('RecordSurveyResponse', 'survey-response-SR-1', ['SurveyResponseRecorded']),
  step('DefineSlaPolicy', 'sla-policies', ['SlaPolicyDefined']),
  step('OpenTicket', 'ticket-T-1', ['TicketOpened']),
  step('AssignTicket', 'ticket-T-1', ['TicketAssigned']),
  step('RespondToTicket', 'ticket-T-1', ['TicketResponded']),
  step('ChangeTicketPriority', 'ticket-T-1', ['TicketPriorityChanged']),
  step('ResolveTicket', 'ticket-T-1', ['TicketResolved']),
  step('ReopenTicket', 'ticket-T-1', ['TicketReopened']),
  step('CloseTicket', 'ticket-T-1', ['TicketClosed']),
  step('CompleteCampaign', 'campaign-CMP-1', ['CampaignCompleted']),
  step('MergeContacts', 'contact-C-1', ['ContactsMerged']),
  {
    type: 'RegisterContact',
    payload: { contactId: 'C-3', firstName: 'Grace', email: 'grace@example.com' },
    stream: 'contact-C-3',
    emits: ['ContactRegistered'],
  },
  {
    ...step('EraseContactPersonalData', 'contact-C-1', ['ContactPersonalDataErased']),
    token: TOKENS.admin,
  },
];

function step(type: keyof typeof examples, stream: string, emits: string[]): Step {
  return { type, payload: examples[type], stream, emits };
}

describe('POST /commands/{type}: the whole catalog over HTTP', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
  });

  afterAll(async () => {
    await api.close();
  });

  it('covers every command type of the catalog', () => {
    expect(new Set(steps.map(({ type }) => type))).toEqual(new Set(COMMAND_TYPES));
  });

  // Sequential on purpose: each step needs the world the previous ones made.
  it('accepts each example in order and stores the events it names, with full metadata', async () => {
    for (const { type, payload, stream, emits, token } of steps) {
      const correlationId = `corr-${type}`;
      const response = await api.send<{ revision: number; events: Array<{ eventId: string }> }>(
        type,
        payload,
        { token, headers: { 'X-Correlation-Id': correlationId } },
      );
      expect({ type, status: response.status }).toEqual({ type, status: 201 });
      expect(response.body).toMatchObject({
        streamId: stream,
        events: emits.map((t) => ({ type: t })),
      });

      const { revision, events: answered } = response.body;
      const stored = await api.streamEvents(stream, `?from=${revision - emits.length + 1}`);
      expect(
        stored.map(({ eventId, type: storedType }) => ({ eventId, type: storedType })),
      ).toEqual(answered);
      for (const event of stored) {
        expect(event.metadata).toEqual({
          commandId: expect.any(String) as unknown,
          correlationId,
          causationId: event.metadata.commandId,
          actor: {
            id: expect.stringMatching(/^key:[0-9a-f]{8}$/) as unknown,
            roles: expect.any(Array) as unknown,
          },
          occurredAt: expect.any(String) as unknown,
          recordedAt: expect.any(String) as unknown,
          schemaVersion: 1,
        });
      }
    }
  });

  it('records the merge on the duplicate too, before the survivor', async () => {
    const mergedOn = async (contactId: string) =>
      (await api.streamEvents(`contact-${contactId}`)).find(
        ({ type }) => type === 'ContactsMerged',
      );
    const [duplicate, survivor] = [await mergedOn('C-2'), await mergedOn('C-1')];

    expect(duplicate?.data).toEqual({
      contactId: 'C-2',
      survivorContactId: 'C-1',
      duplicateContactId: 'C-2',
    });
    expect(duplicate?.metadata.commandId).toBe(survivor?.metadata.commandId);
    expect(BigInt(duplicate!.position)).toBeLessThan(BigInt(survivor!.position));
  });

  it('never writes a personal field in clear to the event store files', () => {
    const files = [
      'events.sqlite',
      'events.sqlite-wal',
      'command-side.sqlite',
      'command-side.sqlite-wal',
    ]
      .map((name) => join(api.dataDir, name))
      .filter(existsSync);
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of ['grace@example.com', 'ada@example.com', 'Lovelace', 'Invoice export']) {
        expect({ file, secret, found: bytes.includes(secret) }).toEqual({
          file,
          secret,
          found: false,
        });
      }
    }
  });

  it('shows personal fields decrypted to an auditor, and erased ones as [erased]', async () => {
    const [registered] = await api.streamEvents('contact-C-3', '?limit=1');
    expect(registered?.data).toMatchObject({ firstName: 'Grace', email: 'grace@example.com' });

    // C-2 was merged into C-1, so erasing C-1 erased both.
    for (const contactId of ['C-1', 'C-2']) {
      const [erased] = await api.streamEvents(`contact-${contactId}`, '?limit=1');
      expect(erased?.data).toMatchObject({ contactId, email: '[erased]', firstName: '[erased]' });
    }
  });
});
