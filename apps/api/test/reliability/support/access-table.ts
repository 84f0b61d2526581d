import { exampleCommandPayloads as examples } from '@chronicle/application';

/** Who calls: no Authorization header, a token the server does not know, or a key of one role. */
export const CALLERS = ['none', 'unknown', 'service', 'analyst', 'auditor', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * `pass`: authorisation let the request through; the answer is a 2xx or a 4xx other than
 * 401/403 (404 for an unknown id, 400 for a bad query), never a 5xx.
 */
export type Outcome = 'pass' | 401 | 403;

export interface AccessRow {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  expected: Readonly<Record<Caller, Outcome>>;
}

type Cells = [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

function row(route: string, cells: Cells, body?: unknown): AccessRow {
  const [method, path] = route.split(' ') as ['GET' | 'POST', string];
  const expected = Object.fromEntries(CALLERS.map((caller, index) => [caller, cells[index]]));
  return { method, path, body, expected: expected as Record<Caller, Outcome> };
}

const P = 'pass';
const consent = examples.RecordConsent;
const ticket = { ...examples.OpenTicket, ticketId: 'T-ACCESS' };
const erasure = { contactId: 'C-ERASE', reason: 'access matrix' };

// docs/api.md: no or unknown token → 401; a known token without the role → 403; admin may do
// everything; /health needs no key. Commands need `service` (erasure: admin only), views
// `analyst` (the lookups and entity views also `service`), the feed `service`, audit `auditor`,
// /admin/* `admin`. Each row reads across the callers below.
// prettier-ignore
export const ACCESS_TABLE: readonly AccessRow[] = [
  //                                                  none unknown service analyst auditor admin
  row('POST /commands/RecordConsent',                  [401, 401,    P,      403,    403,    P], consent),
  row('POST /commands/OpenTicket',                     [401, 401,    P,      403,    403,    P], ticket),
  row('POST /commands/NoSuchCommand',                  [401, 401,    P,      403,    403,    P], {}),
  row('POST /commands/EraseContactPersonalData',       [401, 401,    403,    403,    403,    P], erasure),
  row('GET /views/lifecycle-funnel',                   [401, 401,    403,    P,      403,    P]),
  row('GET /views/campaigns',                          [401, 401,    403,    P,      403,    P]),
  row('GET /views/campaigns/CMP-1',                    [401, 401,    403,    P,      403,    P]),
  row('GET /views/service-sla',                        [401, 401,    403,    P,      403,    P]),
  row('GET /views/tickets/T-1',                        [401, 401,    P,      P,      403,    P]),
  row('GET /views/tickets',                            [401, 401,    P,      P,      403,    P]),
  row('GET /views/customers/C-1',                      [401, 401,    P,      P,      403,    P]),
  row('GET /views/customers/C-UNKNOWN',                [401, 401,    P,      P,      403,    P]),
  row('GET /views/contacts',                           [401, 401,    P,      P,      403,    P]),
  row('GET /views/deals',                              [401, 401,    P,      P,      403,    P]),
  row('GET /views/deals/D-1',                          [401, 401,    P,      P,      403,    P]),
  row('GET /views/pipeline',                           [401, 401,    403,    P,      403,    P]),
  row('GET /feed',                                     [401, 401,    P,      403,    403,    P]),
  row('GET /audit/streams/contact-C-1',                [401, 401,    403,    403,    P,      P]),
  row('GET /audit/customers/C-1/events',               [401, 401,    403,    403,    P,      P]),
  row('GET /audit/customers/C-1/state',                [401, 401,    403,    403,    P,      P]),
  row('GET /audit/customers/C-1/verify',               [401, 401,    403,    403,    P,      P]),
  row('GET /audit/customers/C-1/export',               [401, 401,    403,    403,    P,      P]),
  row('GET /audit/checkpoints/latest',                 [401, 401,    403,    403,    P,      P]),
  row('GET /audit/proofs/inclusion?position=1',        [401, 401,    403,    403,    P,      P]),
  row('GET /audit/proofs/consistency?from=1&to=1',     [401, 401,    403,    403,    P,      P]),
  row('GET /audit/verify',                             [401, 401,    403,    403,    P,      P]),
  row('GET /audit/streams/campaign-CMP-1/verify',      [401, 401,    403,    403,    P,      P]),
  row('GET /admin/projections',                        [401, 401,    403,    403,    403,    P]),
  row('POST /admin/projections/pipeline/rebuild',      [401, 401,    403,    403,    403,    P]),
  row('GET /admin/whoami',                             [401, 401,    403,    403,    403,    P]),
  row('GET /whoami',                                   [401, 401,    P,      P,      P,      P]),
  row('GET /metrics',                                  [401, 401,    403,    403,    403,    P]),
  row('GET /health',                                   [P,   P,      P,      P,      P,      P]),
  // Not in the CONTRACT: the OpenAPI document (README, docs/api.md) is served outside the guard.
  row('GET /docs-json',                                [P,   P,      P,      P,      P,      P]),
];
