import { takeKeyFromFragment } from './api-key';

describe('takeKeyFromFragment', () => {
  it('takes the key and keeps the page state that shares the fragment', () => {
    expect(takeKeyFromFragment('#from=2016-01-01&key=s3cr%2Bt&priority=high')).toEqual({
      key: 's3cr+t',
      rest: '#from=2016-01-01&priority=high',
    });
  });

  it('leaves an empty fragment when the key was all there was', () => {
    expect(takeKeyFromFragment('#key=abc')).toEqual({ key: 'abc', rest: '' });
  });

  it('finds no key in a fragment without one, or with an empty one', () => {
    expect(takeKeyFromFragment('#groupBy=owner')).toEqual({
      key: undefined,
      rest: '#groupBy=owner',
    });
    expect(takeKeyFromFragment('#key=')).toEqual({ key: undefined, rest: '' });
    expect(takeKeyFromFragment('')).toEqual({ key: undefined, rest: '' });
  });
});
