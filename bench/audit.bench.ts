// npm run bench:audit — as-of replay of one customer with 10,000 events over ~2,500 streams:
// the history merged from the event store, folded with evolveCustomer360 and opened for display,
// as GET /audit/customers/{id}/state does (minus HTTP and the history index lookup).
import { randomUUID } from 'node:crypto';
import { PersonalDataCipher } from '../libs/application/src';
import { SqliteKeyStore } from '../libs/application/src/adapters/embedded/key-store.sqlite';
import { eventsInPositionOrder } from '../libs/application/src/audit/merged-streams';
import { SqliteEventStore, type EventToAppend } from '../libs/event-store/src';
import { replayCustomer360, toCustomer360View } from '../libs/projections/src';
import { freshDirectory, printTable, removeDirectory } from './bench-support';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const RUNS = 10;
const CONTACT = 'C-BENCH';

async function seed(store: SqliteEventStore, cipher: PersonalDataCipher): Promise<string[]> {
  const streams = new Set<string>();
  const appendTo = async (streamId: string, type: string, data: Record<string, unknown>) => {
    const sealed = (await cipher.seal({ type, data })) as EventToAppend['data'];
    const metadata = { occurredAt: new Date().toISOString(), schemaVersion: 1 };
    streams.add(streamId);
    return store.append(streamId, [{ eventId: randomUUID(), type, data: sealed, metadata }], 'any');
  };
  await appendTo(`contact-${CONTACT}`, 'ContactRegistered', {
    contactId: CONTACT,
    firstName: 'Ada',
    email: 'ada@example.com',
  });
  const pending: Array<Promise<unknown>> = [];
  for (let i = 1; i < EVENTS; i += 1) {
    const contactId = CONTACT;
    const kind = i % 4;
    if (kind === 0) {
      pending.push(
        appendTo(`order-O${i}`, 'PurchaseRecorded', { orderId: `O${i}`, contactId, total: 10 }),
      );
    } else if (kind === 1) {
      const interactionId = `I${i % 500}`;
      pending.push(
        appendTo(`interaction-${interactionId}`, 'InteractionLogged', {
          interactionId,
          contactId,
          kind: 'call',
          notes: `note ${i}`,
        }),
      );
    } else if (kind === 2) {
      pending.push(
        appendTo(`contact-${CONTACT}`, 'LifecycleStageChanged', { contactId, to: 'lead' }),
      );
    } else {
      const ticketId = `T${i % 250}`;
      const type = i % 8 === 3 ? 'TicketOpened' : 'TicketResolved';
      pending.push(appendTo(`ticket-${ticketId}`, type, { ticketId, contactId, subject: 's' }));
    }
    // The group committer batches concurrent appends; 200 in flight keeps the seed quick.
    if (pending.length >= 200) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  return [...streams];
}

async function main(): Promise<void> {
  const directory = freshDirectory('audit');
  const store = SqliteEventStore.open({ directory, synchronous: 'NORMAL' });
  const keys = SqliteKeyStore.open(':memory:');
  const cipher = new PersonalDataCipher(keys);
  try {
    const streamIds = await seed(store, cipher);
    const streams = streamIds.map((streamId) => ({ streamId }));
    const timings: number[] = [];
    let answered = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const started = process.hrtime.bigint();
      const state = await replayCustomer360(CONTACT, eventsInPositionOrder(store, streams));
      if (!state) throw new Error('the customer did not replay');
      const view = await toCustomer360View(state, {
        position: state.position,
        now: new Date(),
        cipher,
      });
      answered = view.purchases.orders;
      timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const sorted = [...timings].sort((a, b) => a - b);
    printTable(
      ['events', 'streams', 'orders', 'first run ms', 'median ms', 'best ms'],
      [
        [
          String(EVENTS),
          String(streamIds.length),
          String(answered),
          timings[0]!.toFixed(1),
          sorted[Math.floor(RUNS / 2)]!.toFixed(1),
          sorted[0]!.toFixed(1),
        ],
      ],
    );
  } finally {
    await store.close();
    await keys.close();
    removeDirectory(directory);
  }
}

void main();
