// npm run bench:audit — one customer with 10,000 events over ~2,750 streams: the history read in
// global order from the event store (GET /audit/customers/{id}/events, every page), and the as-of
// replay: that history folded with evolveCustomer360 and opened for display, as
// GET /audit/customers/{id}/state does (minus HTTP and the history index lookup), without
// snapshots (each run starts empty: the first question about a customer) and from the snapshots
// earlier replays took, at the head and at random positions. Baseline in the same run: a bare
// readAll of the same 10,000 events, which are the whole store here.
import { randomUUID } from 'node:crypto';
import { PersonalDataCipher } from '../libs/application/src';
import { SqliteKeyStore } from '../libs/application/src/adapters/embedded/key-store.sqlite';
import {
  eventsInPositionOrder,
  pagesInPositionOrder,
} from '../libs/application/src/audit/merged-streams';
import { firstReplayPage, replayAsOf } from '../apps/api/src/audit/customer-360-replay';
import { Customer360Snapshots } from '../apps/api/src/audit/customer-360-snapshots';
import { type EventToAppend } from '../libs/event-store/src';
import { SqliteEventStore } from '../libs/event-store/src/adapters/embedded';
import { toCustomer360View } from '../libs/projections/src';
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
    const timed = async (work: () => Promise<unknown>): Promise<number[]> => {
      const timings: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const started = process.hrtime.bigint();
        await work();
        timings.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      return timings;
    };
    const baseline = await timed(async () => {
      const events = await store.readAll();
      if (events.length !== EVENTS) throw new Error(`read ${events.length} events`);
    });
    const history = await timed(async () => {
      let read = 0;
      for await (const _ of eventsInPositionOrder(store, streams)) read += 1;
      if (read !== EVENTS) throw new Error(`the history has ${read} events`);
    });
    let orders = 0;
    const head = await store.headPosition();
    const replay = async (snapshots: Customer360Snapshots, atPosition?: string) => {
      const { state } = await replayAsOf({
        contactId: CONTACT,
        bound: { atPosition },
        pagesAfter: (after) =>
          pagesInPositionOrder(store, streams, { after, firstChunkSize: firstReplayPage(after) }),
        snapshots,
        snapshotsUpTo: head,
      });
      if (!state) throw new Error('the customer did not replay');
      const view = await toCustomer360View(state, {
        position: state.position,
        now: new Date(),
        cipher,
      });
      orders = atPosition === undefined ? view.purchases.orders : orders;
    };
    const asOf = await timed(() => replay(new Customer360Snapshots()));
    const snapshots = new Customer360Snapshots();
    await replay(snapshots);
    const fromSnapshots = await timed(() => replay(snapshots));
    const randomPosition = (): string => String(1 + Math.floor(Math.random() * Number(head)));
    const atRandom = await timed(() => replay(snapshots, randomPosition()));
    const median = (timings: number[]): number =>
      [...timings].sort((a, b) => a - b)[Math.floor(timings.length / 2)]!;
    const row = (label: string, timings: number[]): string[] => [
      label,
      timings[0]!.toFixed(1),
      median(timings).toFixed(1),
      Math.min(...timings).toFixed(1),
      `${(median(timings) / median(baseline)).toFixed(1)}×`,
    ];
    console.log(
      `${EVENTS} events of one customer over ${streamIds.length} streams (${orders} orders)\n`,
    );
    printTable(
      ['read', 'first run ms', 'median ms', 'best ms', 'median / baseline'],
      [
        row('bare readAll of the same events (baseline)', baseline),
        row('history in global order', history),
        row('as-of replay, no snapshot yet (history + fold + view)', asOf),
        row('as-of replay at the head, from snapshots', fromSnapshots),
        row('as-of replay at random positions, from snapshots', atRandom),
      ],
    );
  } finally {
    await store.close();
    await keys.close();
    removeDirectory(directory);
  }
}

void main();
