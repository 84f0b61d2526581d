import { exampleCommandPayloads as examples } from '@chronicle/application';
import { ApiHarness, TOKENS } from '../../src/commands/testing/api-harness';
import {
  ACCESS_TABLE,
  type AccessRow,
  CALLERS,
  type Caller,
  type Outcome,
} from './support/access-table';
import { contractBreach } from './support/contract-errors';
import { describeAnswer, rawRequest } from './support/raw-http';

const TOKEN_OF: Readonly<Record<Caller, string | undefined>> = {
  none: undefined,
  unknown: 'not-a-key-the-server-knows',
  ...TOKENS,
};

const cases = ACCESS_TABLE.flatMap((row) =>
  CALLERS.map(
    (caller) => [`${row.method} ${row.path}`, caller, row.expected[caller], row] as const,
  ),
);

describe('access matrix: every route × every kind of caller, as docs/api.md says', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
    // Known ids, so a passing caller meets a 2xx rather than only 404s.
    await api.accepted('RegisterContact', { contactId: 'C-1', firstName: 'Ada' });
    await api.accepted('RegisterContact', { contactId: 'C-ERASE', firstName: 'Eve' });
    await api.accepted('LaunchCampaign', examples.LaunchCampaign);
    await api.accepted('OpenTicket', examples.OpenTicket);
  });

  afterAll(() => api.close());

  it.each(cases)('%s as %s → %s', async (_route, caller, expected: Outcome, row: AccessRow) => {
    const answer = await rawRequest(api, row.path, {
      method: row.method,
      token: TOKEN_OF[caller],
      headers: row.body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: row.body === undefined ? undefined : JSON.stringify(row.body),
    });

    const seen = answer.status === 401 || answer.status === 403 ? answer.status : 'pass';
    expect({ outcome: seen, answer: describeAnswer(answer) }).toMatchObject({ outcome: expected });
    expect(contractBreach(answer)).toBeUndefined();
    if (expected !== 'pass') {
      const code = expected === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      expect(answer.json).toMatchObject({ statusCode: expected, code });
    }
  });
});
