import type { Command } from './chronicle-client';
import type { SeededRandom } from './seeded-random';

/** The owner and team of every deal and ticket of the mixed race, to filter the views to them. */
export const MIX_OWNER = 'U-mix';
export const MIX_TEAM = 'TEAM-MIX';

/** Contact, deal and ticket n of the mixed race's world (one deal and one ticket per contact). */
export function mixIds(n: number): { contactId: string; dealId: string; ticketId: string } {
  return { contactId: `C-mix-${n}`, dealId: `D-mix-${n}`, ticketId: `T-mix-${n}` };
}

/** Registers `size` contacts, then opens a deal and a ticket for each. */
export function mixWorld(size: number): { contacts: Command[]; dealsAndTickets: Command[] } {
  const ids = Array.from({ length: size }, (_, n) => mixIds(n));
  return {
    contacts: ids.map(({ contactId }) => ({
      type: 'RegisterContact',
      key: `mix-register-${contactId}`,
      body: { contactId, lastName: `Mixed ${contactId}`, source: 'web' },
    })),
    dealsAndTickets: ids.flatMap(({ contactId, dealId, ticketId }, n) => [
      {
        type: 'OpenDeal',
        key: `mix-open-${dealId}`,
        body: {
          dealId,
          contactId,
          name: `Mixed deal ${n}`,
          amount: 1000 + n * 10,
          currency: 'EUR',
          stage: 'qualification',
          probability: 0.25,
          channel: 'online',
          ownerId: MIX_OWNER,
        },
      },
      {
        type: 'OpenTicket',
        key: `mix-open-${ticketId}`,
        body: {
          ticketId,
          contactId,
          subject: `Mixed ticket ${n}`,
          priority: 'low',
          channel: 'web',
          teamId: MIX_TEAM,
        },
      },
    ]),
  };
}

/**
 * One random command of a client on the world: deal and ticket moves that the entity's state may
 * refuse (422), records that always succeed, and now and then a deal or ticket command pinned
 * with If-Match to the last revision this client saw of that stream (which may be stale: 409).
 */
export function mixedCommand(
  random: SeededRandom,
  size: number,
  key: string,
  seenRevisions: ReadonlyMap<string, number>,
): Command {
  const ids = mixIds(random.int(0, size - 1));
  const choice = random.int(0, 9);
  const [type, body] = move(random, choice, ids, key);
  const command: Command = { type, body, key };
  const target =
    choice <= 2 ? `deal-${ids.dealId}` : choice <= 6 ? `ticket-${ids.ticketId}` : undefined;
  if (target && random.chance(0.15)) command.ifMatch = seenRevisions.get(target) ?? 0;
  return command;
}

function move(
  random: SeededRandom,
  choice: number,
  { contactId, dealId, ticketId }: ReturnType<typeof mixIds>,
  key: string,
): [string, Record<string, unknown>] {
  switch (choice) {
    case 0: {
      const stage = random.pick(['proposal', 'negotiation', 'review']);
      return ['AdvanceDealStage', { dealId, stage, probability: random.pick([0.3, 0.5, 0.8]) }];
    }
    case 1:
      return [
        'WinDeal',
        random.chance(0.5) ? { dealId } : { dealId, amount: random.int(5, 50) * 100 },
      ];
    case 2:
      return ['LoseDeal', { dealId, reason: 'Budget cut' }];
    case 3:
      return ['RespondToTicket', { ticketId, agentId: random.pick(['A-1', 'A-2', 'A-3']) }];
    case 4:
      return ['ResolveTicket', { ticketId, resolution: 'Fixed' }];
    case 5:
      return ['ReopenTicket', { ticketId, reason: 'Not fixed' }];
    case 6:
      return ['CloseTicket', { ticketId, satisfactionScore: random.int(1, 5) }];
    case 7:
      return ['LogInteraction', { interactionId: `I-${key}`, contactId, kind: 'call' }];
    case 8: {
      const items = [{ sku: 'SKU-MIX', quantity: random.int(1, 3), unitPrice: 25 }];
      return [
        'RecordPurchase',
        { orderId: `O-${key}`, contactId, items, currency: 'EUR', channel: 'online' },
      ];
    }
    default:
      return ['RecordConsent', { contactId, channel: 'email', granted: random.chance(0.5) }];
  }
}
