/**
 * A small program on the client generated from Chronicle's OpenAPI document
 * (`npm run openapi:client` writes `generated/chronicle.ts` beside this file): it sends a command,
 * reads a view with its query parameters and reads an audit history.
 *
 *   CHRONICLE_URL=http://localhost:3000 CHRONICLE_TOKEN=<key> \
 *     node -r @swc-node/register examples/client/example.ts
 *
 * The key needs the roles `service`, `analyst` and `auditor` (or `admin`). The e2e test
 * apps/api/test/client/generated-client.e2e-spec.ts type-checks this file against a client
 * generated from a live server's /docs-json, then runs it against that server.
 */
import { randomUUID } from 'node:crypto';
import createClient from 'openapi-fetch';
import type { paths } from './generated/chronicle';

export interface ExampleResult {
  contactId: string;
  /** The global position after RegisterContact. */
  position: string;
  /** The lifecycle funnel's cohort size and stage counts, read at least at `position`. */
  funnel: { total: number; stages: Record<string, number> };
  /** The types of the contact's events, as the audit history lists them. */
  auditTypes: string[];
}

export async function runExample(baseUrl: string, token: string): Promise<ExampleResult> {
  // JSON answers only: the views also answer text/csv for `Accept: text/csv`.
  const client = createClient<paths, `${string}/json`>({
    baseUrl,
    headers: { Authorization: `Bearer ${token}` },
  });
  const contactId = `C-${randomUUID()}`;

  const registered = await client.POST('/commands/RegisterContact', {
    params: { header: { 'Idempotency-Key': randomUUID() } },
    body: {
      contactId,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: `${contactId.toLowerCase()}@example.com`,
      source: 'webinar',
      lifecycleStage: 'lead',
    },
  });
  if (registered.error)
    throw new Error(`RegisterContact: ${registered.error.code} ${registered.error.message}`);
  const { position } = registered.data;

  // Today's cohort of webinar contacts, once the funnel has projected our write (minPosition).
  const today = new Date().toISOString().slice(0, 10);
  const funnel = await client.GET('/views/lifecycle-funnel', {
    params: { query: { from: today, source: 'webinar', minPosition: position } },
  });
  if (funnel.error)
    throw new Error(`lifecycle-funnel: ${funnel.error.code} ${funnel.error.message}`);

  const history = await client.GET('/audit/customers/{contactId}/events', {
    params: { path: { contactId }, query: { limit: 100 } },
  });
  if (history.error) throw new Error(`audit: ${history.error.code} ${history.error.message}`);

  return {
    contactId,
    position,
    funnel: {
      total: funnel.data.total,
      stages: Object.fromEntries(funnel.data.stages.map((stage) => [stage.stage, stage.current])),
    },
    auditTypes: history.data.events.map((event) => event.type),
  };
}

if (require.main === module) {
  const baseUrl = process.env.CHRONICLE_URL ?? 'http://localhost:3000';
  const token = process.env.CHRONICLE_TOKEN;
  if (!token) {
    process.stderr.write('Set CHRONICLE_TOKEN to an API key\n');
    process.exit(2);
  }
  runExample(baseUrl, token).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
