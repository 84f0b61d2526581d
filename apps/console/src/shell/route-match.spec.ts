import { matchRoute } from './route-match';

const routes = [{ path: 'funnel' }, { path: 'customers' }];

describe('matchRoute', () => {
  it('finds the page and decodes the segments after it', () => {
    expect(matchRoute('/console/customers/C%3A1', routes)).toEqual({
      route: { path: 'customers' },
      segments: ['C:1'],
    });
  });

  it('reads /console and a trailing slash as the home page, an unknown page as none', () => {
    expect(matchRoute('/console/', routes).route).toBeUndefined();
    expect(matchRoute('/console/funnel/', routes)).toEqual({
      route: { path: 'funnel' },
      segments: [],
    });
    expect(matchRoute('/console/nope', routes).route).toBeUndefined();
  });

  it('keeps a segment that is not valid percent-encoding as it is', () => {
    expect(matchRoute('/console/customers/100%', routes).segments).toEqual(['100%']);
  });
});
