import { personalFields } from '@chronicle/domain';
import { SqliteKeyStore } from '../adapters/embedded/key-store.sqlite';
import { ErasedSubjectError, type KeyStore, MissingKeyError } from './key-store.port';
import { ERASED, PersonalDataCipher } from './personal-data-cipher';
import { UnreadablePersonalFieldError } from './privacy-errors';

const SAMPLES: Record<string, unknown> = {
  firstName: 'Zoë-Marlene',
  lastName: 'Oberhäuser',
  email: 'zoe.oberhauser@example.org',
  phone: '+49 30 5550 1234',
  birthDate: '1984-02-29',
  address: { street: 'Friedrichstraße 123', city: 'Berlinchen', postalCode: '10117' },
  socialProfiles: [{ network: 'mastodon', handle: '@zoemarlene' }],
  answers: [{ question: 'How was the visit?', answer: 'Waited ninety minutes' }],
  customFields: { shoeSize: 43, allergy: 'peanuts' },
  preferences: { newsletter: false, tone: 'informal-please' },
};

function sampleFor(type: string, field: string): unknown {
  return SAMPLES[field] ?? `${field} of ${type}: private words`;
}

function eventOf(type: string, subjectId = 'C-1'): { type: string; data: Record<string, unknown> } {
  const data: Record<string, unknown> = { contactId: subjectId, ticketId: 'T-1', amount: 12 };
  for (const field of personalFields[type] ?? []) data[field] = sampleFor(type, field);
  return { type, data };
}

function textLeaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(textLeaves);
}

let keys: KeyStore;
let cipher: PersonalDataCipher;
beforeEach(() => {
  keys = SqliteKeyStore.open(':memory:');
  cipher = new PersonalDataCipher(keys);
});
afterEach(() => keys.close());

const typesWithPersonalFields = Object.keys(personalFields);

describe('PersonalDataCipher', () => {
  it.each(typesWithPersonalFields)(
    'gives back every personal field of %s as it was',
    async (type) => {
      const event = eventOf(type);
      const sealed = await cipher.seal(event);
      expect(await cipher.open({ type, data: sealed })).toEqual(event.data);
    },
  );

  it.each(typesWithPersonalFields)('stores no personal value of %s in clear', async (type) => {
    const event = eventOf(type);
    const sealed = await cipher.seal(event);
    const stored = Buffer.from(JSON.stringify(sealed), 'utf8');
    for (const field of personalFields[type]!) {
      expect(sealed[field]).toMatch(/^enc:v1:[\w-]{16}:[\w-]+$/);
      for (const text of textLeaves(event.data[field])) {
        expect(stored.includes(Buffer.from(text, 'utf8'))).toBe(false);
      }
    }
    expect(sealed).toMatchObject({ contactId: 'C-1', ticketId: 'T-1', amount: 12 });
  });

  it('uses a fresh IV for every value, so equal values do not look equal', async () => {
    const event = { type: 'TicketResponded', data: { contactId: 'C-1', message: 'same' } };
    const [first, second] = [await cipher.seal(event), await cipher.seal(event)];
    expect(first.message).not.toEqual(second.message);
  });

  it('leaves absent and undefined fields absent, and does not change its input', async () => {
    const data = { contactId: 'C-1', email: 'a@b.example', phone: undefined };
    const sealed = await cipher.seal({ type: 'ContactDetailsUpdated', data });
    expect(Object.keys(sealed).sort()).toEqual(['contactId', 'email', 'phone']);
    expect(sealed.phone).toBeUndefined();
    expect(data.email).toBe('a@b.example');
    expect(JSON.parse(JSON.stringify(sealed))).not.toHaveProperty('phone');
  });

  it('passes events without a subject or without personal fields through, making no key', async () => {
    const unowned = { type: 'InteractionLogged', data: { interactionId: 'I-1', notes: 'x' } };
    const businessOnly = { type: 'DealWon', data: { dealId: 'D-1', contactId: 'C-9' } };
    const nothingPersonal = {
      type: 'ContactDetailsUpdated',
      data: { contactId: 'C-8', company: 'X' },
    };
    for (const event of [unowned, businessOnly, nothingPersonal]) {
      expect(await cipher.seal(event)).toEqual(event.data);
      expect(await cipher.open(event)).toEqual(event.data);
    }
    await expect(keys.existingKey('C-9')).rejects.toThrow(MissingKeyError);
    await expect(keys.existingKey('C-8')).rejects.toThrow(MissingKeyError);
  });

  it('refuses loudly a ciphertext moved to another contact', async () => {
    const sealed = await cipher.seal(eventOf('TicketOpened', 'C-1'));
    await cipher.seal(eventOf('TicketOpened', 'C-2'));
    const moved = { type: 'TicketOpened', data: { ...sealed, contactId: 'C-2' } };
    await expect(cipher.open(moved)).rejects.toThrow(UnreadablePersonalFieldError);
  });

  it('refuses loudly a ciphertext moved to another field of the same contact', async () => {
    const sealed = await cipher.seal(eventOf('TicketOpened'));
    const swapped = { ...sealed, subject: sealed.description, description: sealed.subject };
    await expect(cipher.open({ type: 'TicketOpened', data: swapped })).rejects.toThrow(
      UnreadablePersonalFieldError,
    );
  });

  it('refuses loudly a tampered, malformed or unsealed value', async () => {
    const sealed = await cipher.seal(eventOf('TicketResponded'));
    const text = sealed.message as string;
    const flipped = `${text.slice(0, -2)}${text.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const message of [flipped, 'enc:v1:abc', 'plain words']) {
      const event = { type: 'TicketResponded', data: { ...sealed, message } };
      await expect(cipher.open(event)).rejects.toThrow(UnreadablePersonalFieldError);
    }
  });

  it('refuses loudly to open personal data of a subject without a key', async () => {
    const sealed = await cipher.seal(eventOf('FeedbackRecorded', 'C-1'));
    const otherKeys = SqliteKeyStore.open(':memory:');
    const elsewhere = new PersonalDataCipher(otherKeys);
    await expect(elsewhere.open({ type: 'FeedbackRecorded', data: sealed })).rejects.toThrow(
      MissingKeyError,
    );
    await otherKeys.close();
  });

  describe('after the key is destroyed', () => {
    it('reads every personal field as the erased marker and keeps the rest', async () => {
      const sealed = await cipher.seal(eventOf('ContactRegistered'));
      await keys.destroy('C-1');
      const opened = await cipher.open({ type: 'ContactRegistered', data: sealed });
      for (const field of personalFields['ContactRegistered']!) expect(opened[field]).toBe(ERASED);
      expect(opened).toMatchObject({ contactId: 'C-1', ticketId: 'T-1', amount: 12 });
    });

    it('refuses to seal new personal data for the subject', async () => {
      await keys.keyFor('C-1');
      await keys.destroy('C-1');
      await expect(cipher.seal(eventOf('TicketClosed'))).rejects.toThrow(ErasedSubjectError);
    });

    it('still refuses a personal value that was stored in clear', async () => {
      await keys.destroy('C-1');
      const leaked = { type: 'TicketClosed', data: { contactId: 'C-1', comment: 'in clear' } };
      await expect(cipher.open(leaked)).rejects.toThrow(UnreadablePersonalFieldError);
    });
  });
});
