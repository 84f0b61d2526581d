import { parseApiKeys } from '../config/api-keys';
import { findApiKey } from './find-api-key';

describe('findApiKey', () => {
  const keys = parseApiKeys('svc-token=service;ops-token=analyst,admin');

  it('finds the key a token belongs to', () => {
    expect(findApiKey('ops-token', keys)?.roles).toEqual(['analyst', 'admin']);
  });

  it.each(['', 'svc', 'svc-token ', 'SVC-TOKEN'])('knows no key for %j', (token) => {
    expect(findApiKey(token, keys)).toBeUndefined();
  });
});
