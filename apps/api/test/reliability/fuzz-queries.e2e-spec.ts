import fc from 'fast-check';
import { exampleCommandPayloads as examples } from '@chronicle/application';
import { ApiHarness, TOKENS } from '../../src/commands/testing/api-harness';
import { contractBreach } from './support/contract-errors';
import { fuzzParameters } from './support/fuzz-settings';
import { type ParameterKind, documentedRoutes, type QueryRoute } from './support/query-routes';
import { malformedValue, validValue } from './support/query-values';
import { describeAnswer, type RawAnswer, rawRequest } from './support/raw-http';

type Pair = readonly [name: string, value: string];

interface QueryCase {
  route: QueryRoute;
  pairs: Pair[];
  /** The parameter the answer must name. */
  field: string;
  mutation: string;
}

// Every documented route (from /docs-json) under generated query strings: unknown names,
// repeated parameters, impossible dates, malformed positions and limits. Each must answer 400
// VALIDATION_FAILED naming the parameter: never a 200 that ignored it, never a 5xx.
describe('query parameters of every route under generated input', () => {
  let api: ApiHarness;
  let routes: QueryRoute[];
  let head: number;

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.accepted('RegisterContact', { contactId: 'C-1', firstName: 'Ada' });
    await api.accepted('LaunchCampaign', examples.LaunchCampaign);
    head = Number((await api.accepted('OpenTicket', examples.OpenTicket)).position);
    // Every command shares one handler: one of them stands for all.
    routes = (await documentedRoutes(api)).filter(
      ({ template }) =>
        !template.startsWith('/commands/') || template === '/commands/RecordConsent',
    );
  });

  afterAll(() => api.close());

  function send({ route, pairs }: Pick<QueryCase, 'route' | 'pairs'>): Promise<RawAnswer> {
    const query = new URLSearchParams(
      pairs.map(([name, value]): [string, string] => [name, value]),
    ).toString();
    const post = route.method === 'POST';
    return rawRequest(api, `${route.path}?${query}`, {
      method: route.method,
      token: TOKENS.admin,
      headers: post ? { 'Content-Type': 'application/json' } : {},
      body: post ? '{}' : undefined,
    });
  }

  /** Valid values for the route's required parameters and some others, `except` left out. */
  function someValidPairs(route: QueryRoute, except?: string): fc.Arbitrary<Pair[]> {
    const names = Object.keys(route.parameters).filter((name) => name !== except);
    const required = names.filter((name) => route.required.includes(name));
    const optional = names.filter((name) => !route.required.includes(name));
    return fc
      .subarray(optional)
      .map((chosen) => [...required, ...chosen])
      .chain((chosen) => fc.tuple(...chosen.map((name) => pairOf(name, route.parameters[name]!))))
      .map((pairs) => keepRouteRules(pairs));
  }

  const pairOf = (name: string, kind: ParameterKind): fc.Arbitrary<Pair> =>
    validValue(kind, head).map((value) => [name, value] as const);

  const anyRoute = (filter: (route: QueryRoute) => boolean = () => true) =>
    fc.constantFrom(...routes.filter(filter));
  const declared = (route: QueryRoute) => Object.keys(route.parameters);

  const unknownName = (route: QueryRoute): fc.Arbitrary<string> =>
    fc
      .oneof(
        fc.string({ unit: 'grapheme', maxLength: 12 }),
        fc.constantFrom('campaign', 'ownerid', 'From', 'limit[gt]', 'from[0]', 'a.b', '', ' '),
        fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
        // Near misses of the route's own names: a typo must not pass as "unfiltered".
        ...declared(route).map((name) =>
          fc.constantFrom(`${name}s`, name.toLowerCase(), name.toUpperCase(), name.slice(1)),
        ),
      )
      .filter((name) => !declared(route).includes(name));

  const unknownNameCase = (): fc.Arbitrary<QueryCase> =>
    anyRoute().chain((route) =>
      fc
        .record({
          name: unknownName(route),
          value: fc.string({ maxLength: 20 }),
          others: someValidPairs(route),
        })
        .map(({ name, value, others }) => ({
          route,
          pairs: [...others, [name, value] as const],
          field: name,
          mutation: 'unknown name',
        })),
    );

  const repeatedCase = (): fc.Arbitrary<QueryCase> =>
    anyRoute((route) => declared(route).length > 0)
      .chain((route) =>
        fc.record({ route: fc.constant(route), name: fc.constantFrom(...declared(route)) }),
      )
      .chain(({ route, name }) =>
        fc
          .record({
            first: validValue(route.parameters[name]!, head),
            second: validValue(route.parameters[name]!, head),
            others: someValidPairs(route, name),
          })
          .map(({ first, second, others }) => ({
            route,
            pairs: [...others, [name, first] as const, [name, second] as const],
            field: name,
            mutation: 'repeated',
          })),
      );

  const malformedCase = (): fc.Arbitrary<QueryCase> =>
    anyRoute((route) => declared(route).length > 0)
      .chain((route) =>
        fc.record({ route: fc.constant(route), name: fc.constantFrom(...declared(route)) }),
      )
      .chain(({ route, name }) => {
        const kind = route.parameters[name]!;
        return fc
          .record({ value: malformedValue(kind), others: someValidPairs(route, name) })
          .map(({ value, others }) => ({
            route,
            pairs: [...others, [name, value] as const],
            field: name,
            mutation: `malformed ${kind.kind}`,
          }));
      });

  async function expectRefusalNaming(generated: QueryCase): Promise<void> {
    const answer = await send(generated);
    const { route, pairs, mutation } = generated;
    const problem = refusalProblem(answer, generated.field);
    const request = `${route.method} ${route.path} ${JSON.stringify(pairs)}`;
    expect(problem && `${mutation}: ${request} → ${problem}`).toBeUndefined();
  }

  it('documents the query parameters of the routes it fuzzes', () => {
    const byTemplate = new Map(routes.map((route) => [route.template, declared(route).sort()]));

    expect(byTemplate.get('/views/lifecycle-funnel')).toEqual([
      'campaignId',
      'from',
      'minPosition',
      'ownerId',
      'source',
      'to',
      'validAt',
    ]);
    expect(byTemplate.get('/audit/streams/{streamId}')).toEqual(['from', 'limit']);
    expect(byTemplate.get('/audit/customers/{contactId}/state')).toEqual([
      'asOf',
      'atPosition',
      'minPosition',
      'validAt',
    ]);
    expect(byTemplate.get('/health')).toEqual([]);
  });

  it('names an unknown parameter on every route, with or without valid ones beside it', async () => {
    await fc.assert(fc.asyncProperty(unknownNameCase(), expectRefusalNaming), fuzzParameters(400));
  });

  it('names a parameter given twice', async () => {
    await fc.assert(fc.asyncProperty(repeatedCase(), expectRefusalNaming), fuzzParameters(200));
  });

  it('names an impossible date, a malformed position or an out-of-range limit', async () => {
    await fc.assert(fc.asyncProperty(malformedCase(), expectRefusalNaming), fuzzParameters(600));
  });

  // Without this the properties above would pass against a server that refused every query.
  it('answers generated valid queries of every GET route without a 400 or a 5xx', async () => {
    const validCase = anyRoute(
      ({ method, template }) => method === 'GET' && !RULES_OF_THEIR_OWN.includes(template),
    ).chain((route) => someValidPairs(route).map((pairs) => ({ route, pairs })));
    await fc.assert(
      fc.asyncProperty(validCase, async (generated) => {
        const answer = await send(generated);
        const context = `${generated.route.method} ${generated.route.path} ${JSON.stringify(generated.pairs)} → ${describeAnswer(answer)}`;
        // 404: an as-of state before the contact was registered.
        expect({ context, status: [200, 404].includes(answer.status) }).toEqual({
          context,
          status: true,
        });
      }),
      fuzzParameters(200),
    );
  });
});

/**
 * Routes whose valid queries depend on the store beyond what OpenAPI says (a proof needs tree
 * sizes the log has reached, `from` not above `to`), or that by design hold the connection open
 * (a feed long-poll, an SSE stream): the baseline cannot generate them blindly.
 */
const RULES_OF_THEIR_OWN = [
  '/audit/proofs/inclusion',
  '/audit/proofs/consistency',
  '/feed',
  '/feed/stream',
];

/** Why an answer is not a 400 VALIDATION_FAILED naming `field`, or `undefined` when it is. */
function refusalProblem(answer: RawAnswer, field: string): string | undefined {
  const breach = contractBreach(answer);
  if (breach) return breach;
  const body = answer.json as { code?: unknown; details?: unknown };
  if (answer.status !== 400 || body.code !== 'VALIDATION_FAILED') {
    return `not a 400 VALIDATION_FAILED: ${describeAnswer(answer)}`;
  }
  const details = Array.isArray(body.details) ? (body.details as FieldProblem[]) : [];
  if (!details.some((detail) => detail.field === field)) {
    return `details do not name ${JSON.stringify(field)}: ${describeAnswer(answer)}`;
  }
  const wellFormed = details.every(
    ({ problems }) =>
      Array.isArray(problems) &&
      problems.length > 0 &&
      problems.every((text) => typeof text === 'string'),
  );
  return wellFormed ? undefined : `details without problem texts: ${describeAnswer(answer)}`;
}

interface FieldProblem {
  field: unknown;
  problems: unknown;
}

/**
 * The two rules that join parameters: a window's `to` is not before its `from`, and a state is
 * asked at a position or at a time, not both.
 */
function keepRouteRules(pairs: Pair[]): Pair[] {
  const value = (name: string) => pairs.find(([key]) => key === name)?.[1];
  const from = value('from');
  const to = value('to');
  let kept = pairs;
  if (from && to && isTime(from) && isTime(to) && Date.parse(to) < Date.parse(from)) {
    kept = kept.map(
      ([name, text]) => [name, name === 'from' ? to : name === 'to' ? from : text] as const,
    );
  }
  if (value('atPosition') !== undefined) kept = kept.filter(([name]) => name !== 'asOf');
  return kept;
}

function isTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(value);
}
