import { LoopbackReceiver } from '../../../../libs/webhooks/src/testing/loopback-receiver';
import { WebhookApi } from './support/webhook-api';

// The contract's own numbers, no test setting: a 2xx must come within 10 s, the first retry
// follows 1 s after the failure.
describe('a receiver that answers 200 after 11 s', () => {
  let api: WebhookApi;
  const receiver = new LoopbackReceiver();

  beforeAll(async () => {
    await receiver.start();
    api = await WebhookApi.start('127.0.0.1');
  });

  afterAll(async () => {
    await api.close();
    await receiver.stop();
  });

  it('is not acknowledged: the delivery is attempted again, with the same delivery id', async () => {
    let slow = true;
    receiver.react = () => {
      if (!slow) return { status: 200 };
      slow = false;
      return { status: 200, afterMs: 11_000 };
    };
    await api.call('POST', '/admin/webhooks', {
      url: receiver.url,
      eventTypes: ['ContactRegistered'],
    });
    await api.command('RegisterContact', { contactId: 'C-SLOW', firstName: 'S' });
    await receiver.until(() => receiver.hits.length >= 2, 'a second attempt', 25_000);
    // Both requests carry the one delivery: the late answer did not count, the retry did.
    expect(new Set(receiver.hits.map((hit) => hit.deliveryId)).size).toBe(1);
    expect(new Set(receiver.hits.map((hit) => hit.eventId)).size).toBe(1);
  }, 30_000);
});
