import { capabilitiesOf } from './capabilities';

// The shapes Nest's Swagger module writes: enums behind allOf/$ref, plain schemas, path params.
const document = {
  paths: {
    '/views/campaigns': {
      get: {
        parameters: [
          { name: 'from', in: 'query', schema: { type: 'string' } },
          {
            name: 'model',
            in: 'query',
            schema: { allOf: [{ $ref: '#/components/schemas/AttributionModel' }] },
          },
        ],
      },
    },
    '/views/service-sla': {
      get: { parameters: [{ name: 'priority', in: 'query', schema: { enum: ['urgent', 'low'] } }] },
    },
    '/audit/customers/{contactId}/state': {
      get: { parameters: [{ name: 'contactId', in: 'path', schema: { type: 'string' } }] },
    },
    '/commands/OpenTicket': { post: {} },
  },
  components: {
    schemas: { AttributionModel: { type: 'string', enum: ['first_touch', 'last_touch'] } },
  },
};

describe('capabilitiesOf', () => {
  const capabilities = capabilitiesOf(document);

  it('lists the query parameters each GET route declares', () => {
    expect(capabilities.accepts('/views/campaigns', 'from')).toBe(true);
    expect(capabilities.accepts('/views/campaigns', 'validAt')).toBe(false);
    expect(capabilities.accepts('/audit/customers/{contactId}/state', 'contactId')).toBe(false);
  });

  it('reads the allowed values of a choice, through $ref and allOf', () => {
    expect(capabilities.choices('/views/campaigns', 'model')).toEqual([
      'first_touch',
      'last_touch',
    ]);
    expect(capabilities.choices('/views/service-sla', 'priority')).toEqual(['urgent', 'low']);
    expect(capabilities.choices('/views/campaigns', 'from')).toEqual([]);
  });

  it('knows only GET routes, and nothing from an unreadable document', () => {
    expect(capabilities.has('/views/service-sla')).toBe(true);
    expect(capabilities.has('/commands/OpenTicket')).toBe(false);
    expect(capabilitiesOf(undefined).has('/views/service-sla')).toBe(false);
  });
});
