import { given } from '../testing/given';

describe('DefineSlaPolicy', () => {
  it('records the policy on the one policies stream', () => {
    given()
      .when('DefineSlaPolicy', {
        priority: 'high',
        firstResponseSeconds: 1800,
        resolutionSeconds: 14400,
      })
      .thenWrites([
        {
          streamId: 'sla-policies',
          events: [
            {
              type: 'SlaPolicyDefined',
              data: { priority: 'high', firstResponseSeconds: 1800, resolutionSeconds: 14400 },
            },
          ],
        },
      ]);
  });
});
