import type { CommandType, PayloadOf } from '@chronicle/domain';

type ExamplePayload = Readonly<Record<string, unknown>>;

/**
 * One valid payload per command type, for the API docs, e2e tests and the registry spec. They
 * describe one world: contact C-1 (and its duplicate C-2) came from campaign CMP-1, is owned by
 * U-7, opens deal D-1, buys order O-1 and raises ticket T-1, handled by agent A-1 of TEAM-EMEA.
 * Each example is valid on its own against that world in a fitting state (D-1 open for WinDeal
 * and for LoseDeal, T-1 resolved for ReopenTicket); the table is not a script to replay in order.
 * Each is typed as its command's payload, so a field the domain renames or drops fails to compile.
 */
export const exampleCommandPayloads: Readonly<Record<CommandType, ExamplePayload>> = deepFreeze({
  RegisterContact: {
    contactId: 'C-1',
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    phone: '+44 20 7946 0958',
    company: 'Analytical Engines Ltd',
    jobTitle: 'Head of Research',
    source: 'webinar',
    campaignId: 'CMP-1',
    ownerId: 'U-7',
    lifecycleStage: 'lead',
    leadStatus: 'new',
    customFields: { loyaltyTier: 'gold', newsletter: true },
  },
  UpdateContactDetails: {
    contactId: 'C-1',
    jobTitle: 'Chief Research Officer',
    address: { street: '12 St James Sq', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
    socialProfiles: [{ network: 'linkedin', url: 'https://www.linkedin.com/in/ada-lovelace' }],
  },
  DefineCustomField: {
    entity: 'contact',
    field: 'loyaltyTier',
    type: 'enum',
    options: ['bronze', 'silver', 'gold'],
  },
  SetCustomField: { contactId: 'C-1', field: 'loyaltyTier', value: 'gold' },
  ChangeLifecycleStage: { contactId: 'C-1', stage: 'opportunity', reason: 'Asked for a proposal' },
  QualifyLead: {
    contactId: 'C-1',
    qualification: 'marketing',
    reason: 'Downloaded the pricing guide',
    campaignId: 'CMP-1',
  },
  DisqualifyLead: { contactId: 'C-1', reason: 'No budget this year' },
  SetLeadStatus: { contactId: 'C-1', status: 'in_progress' },
  AssignContactOwner: { contactId: 'C-1', ownerId: 'U-7' },
  RecordConsent: { contactId: 'C-1', channel: 'email', granted: true, source: 'signup-form' },
  MergeContacts: { survivorContactId: 'C-1', duplicateContactId: 'C-2' },
  EraseContactPersonalData: { contactId: 'C-1', reason: 'GDPR art. 17 request of 2025-03-01' },
  OpenDeal: {
    dealId: 'D-1',
    contactId: 'C-1',
    name: 'Analytical Engines – 50 seats',
    amount: 12000,
    currency: 'EUR',
    stage: 'qualification',
    probability: 0.2,
    expectedCloseDate: '2025-06-30',
    channel: 'online',
    ownerId: 'U-7',
    teamId: 'TEAM-EMEA',
    product: 'Chronicle Enterprise',
    campaignId: 'CMP-1',
  },
  AdvanceDealStage: { dealId: 'D-1', stage: 'negotiation', probability: 0.6 },
  WinDeal: { dealId: 'D-1', amount: 11500 },
  LoseDeal: { dealId: 'D-1', reason: 'Chose a competitor' },
  RecordPurchase: {
    orderId: 'O-1',
    contactId: 'C-1',
    items: [
      { sku: 'SKU-ENGINE-1', quantity: 2, unitPrice: 49.5 },
      { sku: 'SKU-SUPPORT-Y', quantity: 1, unitPrice: 199 },
    ],
    currency: 'EUR',
    channel: 'online',
  },
  LogInteraction: {
    interactionId: 'I-1',
    contactId: 'C-1',
    kind: 'call',
    direction: 'outbound',
    subject: 'Discovery call',
    notes: 'Interested in 50 seats; send a proposal.',
    sentiment: 'positive',
    durationSeconds: 900,
    dealId: 'D-1',
    agentId: 'A-1',
  },
  RecordFeedback: {
    feedbackId: 'FB-1',
    contactId: 'C-1',
    kind: 'complaint',
    description: 'The invoice export times out.',
    ticketId: 'T-1',
  },
  RecordSurveyResponse: {
    responseId: 'SR-1',
    contactId: 'C-1',
    surveyId: 'SURVEY-NPS',
    answers: [
      { question: 'How likely are you to recommend us?', answer: '9' },
      { question: 'What could we do better?', answer: 'Faster exports' },
    ],
    score: 9,
  },
  LaunchCampaign: {
    campaignId: 'CMP-1',
    name: 'Spring webinar 2025',
    channel: 'email',
    startsAt: '2025-03-01T00:00:00Z',
    endsAt: '2025-04-30T23:59:59Z',
    budget: 5000,
    currency: 'EUR',
    goal: '200 marketing-qualified leads',
  },
  RecordCampaignTouch: { campaignId: 'CMP-1', contactId: 'C-1', kind: 'opened' },
  CompleteCampaign: { campaignId: 'CMP-1' },
  DefineSlaPolicy: { priority: 'high', firstResponseSeconds: 14_400, resolutionSeconds: 86_400 },
  OpenTicket: {
    ticketId: 'T-1',
    contactId: 'C-1',
    subject: 'Invoice export times out',
    description: 'Exporting March invoices fails after 30 seconds.',
    priority: 'high',
    channel: 'email',
    category: 'billing',
    teamId: 'TEAM-EMEA',
  },
  AssignTicket: { ticketId: 'T-1', agentId: 'A-1', teamId: 'TEAM-EMEA' },
  RespondToTicket: {
    ticketId: 'T-1',
    agentId: 'A-1',
    message: 'We are looking into it and will update you within the hour.',
  },
  ChangeTicketPriority: { ticketId: 'T-1', priority: 'urgent' },
  ResolveTicket: {
    ticketId: 'T-1',
    resolution: 'Raised the export timeout; export now completes.',
  },
  ReopenTicket: { ticketId: 'T-1', reason: 'Still fails for April invoices' },
  CloseTicket: { ticketId: 'T-1', satisfactionScore: 5, comment: 'Quick and friendly help' },
} satisfies { [K in CommandType]: PayloadOf<K> });

// Shared by many tests: a test that edits an example in place would break the others.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
