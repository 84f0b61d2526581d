import { exampleCommandPayloads as examples } from '@chronicle/application';
import { ApiHarness, TOKENS } from '../src/commands/testing/api-harness';
import { withOpenStaysOfAnyLength } from './support/open-stays';

// The as-of replay must show the customer exactly as the live 360 view showed it then: snapshot
// the view after each step of a story, then ask audit for the state at each of those positions.
describe('as-of state against snapshots of the live customer 360', () => {
  let api: ApiHarness;
  afterAll(() => api.close());

  it('matches the view at every moment of the story', async () => {
    api = await ApiHarness.start();
    const story: Array<[string, Record<string, unknown>]> = [
      ['RegisterContact', { contactId: 'C-1', firstName: 'Ada', email: 'ada@example.com' }],
      ['QualifyLead', { contactId: 'C-1', qualification: 'marketing' }],
      ['OpenDeal', examples.OpenDeal],
      ['RecordPurchase', examples.RecordPurchase],
      ['LogInteraction', examples.LogInteraction],
      ['OpenTicket', examples.OpenTicket],
      ['RecordConsent', examples.RecordConsent],
      ['WinDeal', examples.WinDeal],
      ['UpdateContactDetails', { contactId: 'C-1', jobTitle: 'Countess' }],
    ];
    const snapshots: Array<{ position: string; view: Record<string, unknown> }> = [];
    for (const [type, body] of story) {
      const { position } = await api.accepted(type, body);
      const view = await api.request<Record<string, unknown>>(
        `/views/customers/C-1?minPosition=${position}`,
        { token: TOKENS.analyst },
      );
      snapshots.push({ position, view: view.body });
    }

    for (const { position, view } of snapshots) {
      const asOf = await api.request<Record<string, unknown>>(
        `/audit/customers/C-1/state?atPosition=${position}&minPosition=${position}`,
        { token: TOKENS.auditor },
      );
      expect(asOf.status).toBe(200);
      // `position`: the view answers with its projection's checkpoint, the replay with the
      // position asked for; they agree here because every snapshot waited for its own write.
      // `segment` is judged against the clock at answer time, not stored state; `revision` is the
      // live view's ETag (the contact stream's revision now), not part of the 360 itself. The
      // current stage's stay is counted up to the view's clock, or up to the replayed moment.
      const { segment: _viewSegment, revision: _revision, ...viewFigures } = view;
      const { segment: _replaySegment, ...replayFigures } = asOf.body;
      expect(replayFigures).toEqual(withOpenStaysOfAnyLength(viewFigures));
    }
  });
});
