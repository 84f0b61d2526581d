import { randomBytes } from 'node:crypto';

export interface MixRequest {
  path: string;
  body: object;
  idempotencyKey: string;
}

/** Contacts registered before the measurement, for the mix's other commands to refer to. */
export const WARM_UP_CONTACTS = 2_000;

// Shares of the measured mix: new contacts, interactions, tickets and deals on known contacts.
const MIX: Array<[weight: number, make: (id: string, contactId: string) => MixRequest]> = [
  [
    30,
    (id) => ({
      path: '/commands/RegisterContact',
      body: { contactId: `C-${id}`, firstName: 'Bench', lastName: `Contact ${id}` },
      idempotencyKey: `reg-${id}`,
    }),
  ],
  [
    40,
    (id, contactId) => ({
      path: '/commands/LogInteraction',
      body: { interactionId: `I-${id}`, contactId, kind: 'call', subject: 'Follow-up call' },
      idempotencyKey: `int-${id}`,
    }),
  ],
  [
    15,
    (id, contactId) => ({
      path: '/commands/OpenTicket',
      body: {
        ticketId: `T-${id}`,
        contactId,
        subject: 'Export times out',
        priority: 'normal',
        channel: 'email',
      },
      idempotencyKey: `tkt-${id}`,
    }),
  ],
  [
    15,
    (id, contactId) => ({
      path: '/commands/OpenDeal',
      body: {
        dealId: `D-${id}`,
        contactId,
        name: 'Renewal',
        amount: 1200,
        currency: 'EUR',
        stage: 'qualification',
        channel: 'online',
        ownerId: 'U-7',
      },
      idempotencyKey: `deal-${id}`,
    }),
  ],
];
const TOTAL_WEIGHT = MIX.reduce((sum, [weight]) => sum + weight, 0);

/** A realistic command mix with fresh ids on every call, unique per run. */
export function commandMix(): {
  warmUp: () => MixRequest;
  next: () => MixRequest;
  describe: () => string;
} {
  const run = randomBytes(3).toString('hex');
  let warmed = 0;
  let sent = 0;
  const warmContact = (index: number): string => `C-${run}-w${index}`;
  return {
    warmUp: () => {
      const index = warmed++ % WARM_UP_CONTACTS;
      return {
        path: '/commands/RegisterContact',
        body: { contactId: warmContact(index), firstName: 'Warm', lastName: `Up ${index}` },
        idempotencyKey: `warm-${run}-${index}`,
      };
    },
    next: () => {
      const id = `${run}-${sent++}`;
      const contactId = warmContact(Math.floor(Math.random() * WARM_UP_CONTACTS));
      let pick = Math.random() * TOTAL_WEIGHT;
      for (const [weight, make] of MIX) {
        if ((pick -= weight) < 0) return make(id, contactId);
      }
      return MIX[0]![1](id, contactId);
    },
    describe: () =>
      MIX.map(([weight, make]) => `${weight}% ${make('x', 'y').path.split('/').pop()}`).join(', '),
  };
}
