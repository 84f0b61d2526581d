import { COMMAND_TYPES, isCommandType } from '@chronicle/domain';
import { validateCommand } from '../validation/validate-command';
import { exampleCommandPayloads } from './command-examples';
import { commandCatalog } from './command-catalog';

const NOW = new Date('2025-03-01T12:00:00Z');

// Looked up by any string, as a type named in a request's path would be.
const entryByName: Readonly<Record<string, unknown>> = commandCatalog;

// Which types the catalog holds is the domain's to say (libs/domain/src/catalog.spec.ts); tsc
// makes sure each has a DTO. Here: each entry is whole, at run time too.
describe('the command catalog', () => {
  it.each(COMMAND_TYPES)('pairs %s with a DTO class and its own decider', (type) => {
    expect(typeof commandCatalog[type].dto).toBe('function');
    expect(commandCatalog[type].spec.commandType).toBe(type);
  });

  it('has an example for every command type, and for no other', () => {
    expect(Object.keys(exampleCommandPayloads).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'registerContact'])(
    'does not know %p',
    (type) => {
      expect(isCommandType(type)).toBe(false);
      expect(entryByName[type]).toBeUndefined();
    },
  );
});

describe.each(COMMAND_TYPES)('the %s example', (type) => {
  // A JSON round trip, as the HTTP layer and the queue deliver bodies.
  const body = () =>
    JSON.parse(JSON.stringify(exampleCommandPayloads[type])) as Record<string, unknown>;

  it('is valid, and comes back as sent', () => {
    expect(validateCommand(type, body(), NOW)).toEqual({ ok: true, payload: body() });
  });

  it('is refused with one extra field, on that field alone', () => {
    expect(validateCommand(type, { ...body(), unexpected: 'x' }, NOW)).toEqual({
      ok: false,
      problems: [{ field: 'unexpected', problems: ['property unexpected should not exist'] }],
    });
  });

  it('may carry occurredAt, but not far in the future', () => {
    expect(validateCommand(type, { ...body(), occurredAt: '2025-01-15T08:00:00Z' }, NOW).ok).toBe(
      true,
    );
    expect(validateCommand(type, { ...body(), occurredAt: '2025-03-01T12:06:00Z' }, NOW)).toEqual({
      ok: false,
      problems: [
        {
          field: 'occurredAt',
          problems: ['occurredAt must not be more than 5 minutes in the future'],
        },
      ],
    });
  });
});
