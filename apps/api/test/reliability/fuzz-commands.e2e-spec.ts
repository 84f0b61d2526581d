import fc from 'fast-check';
import { exampleCommandPayloads as examples } from '@chronicle/application';
import { ApiHarness, TOKENS } from '../../src/commands/testing/api-harness';
import { anyCommandCase, oddTextInEveryField } from './support/command-payloads';
import { exampleOf } from './support/examples';
import { toJsonText } from './support/hostile-values';
import { sendAndJudge } from './support/command-checks';
import { preview } from './support/preview';
import { prototypeIsPolluted } from './support/event-store-head';
import { fuzzParameters } from './support/fuzz-settings';
import { headerTarget, oddHeaders } from './support/odd-headers';
import { anyRawCase } from './support/raw-bodies';
import { rawRequest } from './support/raw-http';

// Hostile input over real HTTP against the whole API. Every request is judged by
// sendAndJudge (support/command-checks.ts): no 5xx, CONTRACT errors, nothing appended on a 4xx.
// A thousand generated requests take about 10 s on an idle machine and over 30 s while the other
// suites run beside them; a timeout would leave requests in flight into the next test.
const THOUSAND_REQUESTS_MS = 120_000;

describe('POST /commands/{type} under generated hostile input', () => {
  let api: ApiHarness;
  const json = { 'Content-Type': 'application/json' };
  const sender = fc.oneof(
    { arbitrary: fc.constant(TOKENS.service), weight: 5 },
    { arbitrary: fc.constant(TOKENS.admin), weight: 1 },
  );

  beforeAll(async () => {
    api = await ApiHarness.start();
    // The examples' world (C-1, D-1, T-1, CMP-1), so mutated examples reach the domain rules
    // and some of them are accepted.
    await api.accepted('DefineCustomField', examples.DefineCustomField);
    await api.accepted('DefineCustomField', {
      entity: 'contact',
      field: 'newsletter',
      type: 'boolean',
    });
    await api.accepted('RegisterContact', examples.RegisterContact);
    await api.accepted('RegisterContact', { contactId: 'C-2', firstName: 'Augusta' });
    await api.accepted('LaunchCampaign', examples.LaunchCampaign);
    await api.accepted('OpenDeal', examples.OpenDeal);
    await api.accepted('OpenTicket', examples.OpenTicket);
  });

  afterAll(() => api.close());

  it(
    'answers generated payloads of every command without a 5xx, an append on a 4xx or pollution',
    async () => {
      const statuses = new Map<number, number>();
      await fc.assert(
        // Now and then as admin, so EraseContactPersonalData and allowBackward get through too.
        fc.asyncProperty(anyCommandCase, sender, async (generated, token) => {
          const answer = await sendAndJudge(
            api,
            generated.type,
            { token, headers: json, body: toJsonText(generated.body) },
            () => `${generated.type} (${generated.mutation}): ${preview(generated.body)}`,
          );
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        }),
        fuzzParameters(1_000),
      );
      // A fuzzer that only ever meets 400 tests the validator alone; make sure the mix held.
      expect([...statuses.keys()]).toEqual(expect.arrayContaining([201, 400, 413]));
    },
    THOUSAND_REQUESTS_MS,
  );

  it('answers malformed bodies (truncated, trailing garbage, not UTF-8, odd literals) with a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(anyRawCase, async (generated) => {
        // JSON.parse accepts some odd literals (-0; 1e309 as Infinity): those bodies may reach
        // the validator, and must be refused or accepted like any other, never a 5xx.
        await sendAndJudge(
          api,
          generated.type,
          { token: TOKENS.service, headers: generated.headers, body: generated.body },
          () => `${generated.type} (${generated.mutation}): ${preview(generated.body)}`,
        );
      }),
      fuzzParameters(400),
    );
  });

  it('answers odd headers and odd command types with a 201 or a CONTRACT 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(headerTarget, oddHeaders, async ({ type, body }, headers) => {
        await sendAndJudge(
          api,
          type,
          { token: TOKENS.service, headers, body: JSON.stringify(body) },
          () => `${type} with headers ${JSON.stringify(headers)}: ${preview(body)}`,
        );
      }),
      fuzzParameters(400),
    );
  });

  // Random runs reach one field of one command rarely; this sweep puts every odd string in
  // every text field of every example, so a field-specific crash cannot hide behind the seed.
  it('answers odd unicode in every text field of every command without a 5xx', async () => {
    for (const { type, field, value } of oddTextInEveryField()) {
      await sendAndJudge(
        api,
        type,
        {
          token: TOKENS.admin,
          headers: json,
          body: JSON.stringify({ ...exampleOf(type), [field]: value }),
        },
        () => `${type} with ${field} = ${JSON.stringify(value)}`,
      );
    }
  });

  it('is still up and unpolluted afterwards', async () => {
    const health = await rawRequest(api, '/health');

    expect(health.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeIsPolluted()).toBe(false);
  });
});
