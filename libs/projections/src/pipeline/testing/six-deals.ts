import type { JsonObject, RecordedEvent } from '@chronicle/event-store';
import { dealHistory } from './deal-events';

function opened(fields: JsonObject): JsonObject {
  return { name: 'A deal', currency: 'EUR', channel: 'online', ...fields };
}

/**
 * Six deals (days after the origin):
 * - d1 day 0, proposal, 1000 at 0.5, olga/east, online, crm — open.
 * - d2 day 1, qualification, 2000 without probability, olga, offline; advanced to proposal at 0.25
 *   on day 2 — open.
 * - d3 day 2, qualification, 400 without probability, pete/west, online — open.
 * - d4 day 3, proposal, 5000 at 0.6, pete, partner; won on day 7 at 4500 (4 days).
 * - d5 day 4, 700, olga, offline; lost on day 5.5 (1.5 days); a stray DealWon after is ignored.
 * - d6 day 5, 300 in USD, pete, online; won on day 7 at its own amount (2 days).
 */
export function sixDeals(): RecordedEvent[] {
  const history = dealHistory();
  const { event } = history;
  event(
    'DealOpened',
    'd1',
    0,
    opened({
      stage: 'proposal',
      amount: 1000,
      probability: 0.5,
      ownerId: 'olga',
      teamId: 'east',
      product: 'crm',
    }),
  );
  event(
    'DealOpened',
    'd2',
    1,
    opened({ stage: 'qualification', amount: 2000, ownerId: 'olga', channel: 'offline' }),
  );
  event('DealStageAdvanced', 'd2', 2, {
    stage: 'proposal',
    previousStage: 'qualification',
    probability: 0.25,
  });
  event(
    'DealOpened',
    'd3',
    2,
    opened({ stage: 'qualification', amount: 400, ownerId: 'pete', teamId: 'west' }),
  );
  event(
    'DealOpened',
    'd4',
    3,
    opened({
      stage: 'proposal',
      amount: 5000,
      probability: 0.6,
      ownerId: 'pete',
      channel: 'partner',
    }),
  );
  event('DealWon', 'd4', 7, { amount: 4500, currency: 'EUR', previousAmount: 5000 });
  event(
    'DealOpened',
    'd5',
    4,
    opened({ stage: 'proposal', amount: 700, ownerId: 'olga', channel: 'offline' }),
  );
  event('DealLost', 'd5', 5.5, { reason: 'price' });
  event('DealWon', 'd5', 6, { amount: 700, currency: 'EUR', previousAmount: 700 });
  event(
    'DealOpened',
    'd6',
    5,
    opened({ stage: 'proposal', amount: 300, currency: 'USD', ownerId: 'pete' }),
  );
  event('DealWon', 'd6', 7, { amount: 300, currency: 'USD', previousAmount: 300 });
  // Out of interest: a deal never opened here.
  event('DealStageAdvanced', 'ghost', 8, { stage: 'proposal', previousStage: 'qualification' });
  return history.events;
}
