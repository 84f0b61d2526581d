import { gauge, registryOf } from './prometheus-text';

describe('registryOf', () => {
  it('renders gauges and counters with their labels in the order given', async () => {
    const text = await registryOf([
      gauge('chronicle_webhook_lag', 'Positions behind.', [
        { labels: { webhook: 'wh_1' }, value: 3 },
      ]),
      {
        name: 'chronicle_webhook_attempts_total',
        help: 'Attempts.',
        type: 'counter',
        samples: [
          { labels: { webhook: 'wh_1', outcome: 'delivered' }, value: 0 },
          { labels: { webhook: 'wh_1', outcome: 'failed' }, value: 2 },
        ],
      },
    ]).metrics();

    expect(text).toContain(
      '# TYPE chronicle_webhook_lag gauge\nchronicle_webhook_lag{webhook="wh_1"} 3',
    );
    expect(text).toContain('# TYPE chronicle_webhook_attempts_total counter');
    expect(text).toContain(
      'chronicle_webhook_attempts_total{webhook="wh_1",outcome="delivered"} 0',
    );
    expect(text).toContain('chronicle_webhook_attempts_total{webhook="wh_1",outcome="failed"} 2');
  });

  it('announces a family with no sample yet without making one up', async () => {
    const text = await registryOf([
      gauge('chronicle_webhook_lag', 'Positions behind.', []),
    ]).metrics();

    expect(text).toContain('# TYPE chronicle_webhook_lag gauge');
    expect(text).not.toMatch(/^chronicle_webhook_lag/m);
  });

  it('renders a family without labels as its one value', async () => {
    const text = await registryOf([
      gauge('chronicle_event_store_head_position', 'Head.', [{ value: 42 }]),
    ]).metrics();

    expect(text).toMatch(/^chronicle_event_store_head_position 42$/m);
  });
});
