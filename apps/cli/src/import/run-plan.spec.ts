import type { CommandSender, SendOutcome } from '../senders/command-sender';
import type { ImportPlan, PlannedCommand } from './import-plan';
import { runPlan } from './run-plan';

const command = (key: string): PlannedCommand => ({
  type: 'CloseTicket',
  idempotencyKey: key,
  payload: { ticketId: key },
});

/** A sender that answers after a few event-loop turns and remembers what it saw. */
class RecordingSender implements CommandSender {
  readonly sent: string[] = [];
  inFlight = 0;
  mostInFlight = 0;

  constructor(private readonly answer: (key: string) => SendOutcome | Error) {}

  async send(planned: PlannedCommand): Promise<SendOutcome> {
    this.inFlight += 1;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    this.sent.push(planned.idempotencyKey);
    // Later commands answer sooner, so chains would overtake each other if not kept in order.
    const turns = 10 - Number(planned.idempotencyKey.split('-')[1] ?? 0);
    for (let turn = 0; turn < turns; turn += 1) await Promise.resolve();
    this.inFlight -= 1;
    const outcome = this.answer(planned.idempotencyKey);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  headPosition(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

const accepted: SendOutcome = { ok: true, streamId: 's', position: '1', events: 1 };

function plan(chainCount: number, length: number): ImportPlan {
  const chains = Array.from({ length: chainCount }, (_, chain) => ({
    entity: `e${chain}`,
    commands: Array.from({ length }, (_, step) => command(`e${chain}-${step}`)),
  }));
  return { dataset: 'test', phases: [{ name: 'only', chains }] };
}

describe('runPlan', () => {
  it("sends each chain's commands in order, with at most `concurrency` in flight", async () => {
    const sender = new RecordingSender(() => accepted);
    const report = await runPlan(plan(10, 3), sender, { concurrency: 4 });
    expect(report.accepted).toBe(30);
    expect(sender.mostInFlight).toBe(4);
    for (let chain = 0; chain < 10; chain += 1) {
      const ofChain = sender.sent.filter((key) => key.startsWith(`e${chain}-`));
      expect(ofChain).toEqual([`e${chain}-0`, `e${chain}-1`, `e${chain}-2`]);
    }
  });

  it('starts a phase only once the previous one is answered', async () => {
    const sender = new RecordingSender(() => accepted);
    const twoPhases: ImportPlan = {
      dataset: 'test',
      phases: [
        { name: 'first', chains: [{ entity: 'a', commands: [command('a-0')] }] },
        { name: 'second', chains: [{ entity: 'b', commands: [command('b-9')] }] },
      ],
    };
    await runPlan(twoPhases, sender, { concurrency: 8 });
    expect(sender.sent).toEqual(['a-0', 'b-9']);
  });

  it('counts a refusal and goes on with the rest of the chain', async () => {
    const sender = new RecordingSender((key) =>
      key === 'e0-0'
        ? { ok: false, statusCode: 422, code: 'RULE_VIOLATED', message: 'Ticket is closed' }
        : accepted,
    );
    const report = await runPlan(plan(1, 2), sender, { concurrency: 1 });
    expect([report.accepted, report.refused]).toEqual([1, 1]);
    expect(report.refusedByCode.get('RULE_VIOLATED')).toBe(1);
    expect(report.samples[0]).toEqual(
      expect.objectContaining({
        entity: 'e0',
        idempotencyKey: 'e0-0',
        message: 'Ticket is closed',
      }),
    );
  });

  it('stops sending at the first failure that is not a refusal, and rethrows it', async () => {
    const sender = new RecordingSender((key) =>
      key === 'e0-0' ? new Error('store down') : accepted,
    );
    await expect(runPlan(plan(5, 2), sender, { concurrency: 1 })).rejects.toThrow('store down');
    expect(sender.sent).toEqual(['e0-0']);
  });

  it('stops sending new commands once aborted', async () => {
    const interrupt = new AbortController();
    const sender = new RecordingSender(() => {
      interrupt.abort();
      return accepted;
    });
    const report = await runPlan(plan(3, 3), sender, { concurrency: 1, signal: interrupt.signal });
    expect(report.answered).toBe(1);
  });
});
