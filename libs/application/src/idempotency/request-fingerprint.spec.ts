import { randomBytes } from 'node:crypto';
import { requestFingerprint } from './request-fingerprint';

const secret = randomBytes(32);
const payload = { contactId: 'C-1', email: 'ada@example.com', firstName: 'Ada' };

describe('requestFingerprint', () => {
  it('ignores the order of the payload keys', () => {
    const reordered = { firstName: 'Ada', email: 'ada@example.com', contactId: 'C-1' };

    expect(requestFingerprint(secret, 'RegisterContact', reordered, undefined)).toBe(
      requestFingerprint(secret, 'RegisterContact', payload, undefined),
    );
  });

  it('changes with the type, any payload value, nesting and If-Match', () => {
    const fingerprints = new Set([
      requestFingerprint(secret, 'RegisterContact', payload, undefined),
      requestFingerprint(secret, 'UpdateContactDetails', payload, undefined),
      requestFingerprint(
        secret,
        'RegisterContact',
        { ...payload, firstName: 'Augusta' },
        undefined,
      ),
      requestFingerprint(
        secret,
        'RegisterContact',
        { ...payload, address: { city: 'x' } },
        undefined,
      ),
      requestFingerprint(secret, 'RegisterContact', payload, 0),
      requestFingerprint(secret, 'RegisterContact', payload, 1),
    ]);

    expect(fingerprints.size).toBe(6);
  });

  it('reveals nothing of the body and depends on the secret', () => {
    const fingerprint = requestFingerprint(secret, 'RegisterContact', payload, undefined);

    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(requestFingerprint(randomBytes(32), 'RegisterContact', payload, undefined)).not.toBe(
      fingerprint,
    );
  });
});
