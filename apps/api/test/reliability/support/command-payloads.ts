import fc from 'fast-check';
import { COMMAND_TYPES } from '@chronicle/application';
import { exampleOf, type Payload } from './examples';
import { preview } from './preview';
import {
  deeplyNested,
  hostileValue,
  hugeString,
  oddString,
  POLLUTION,
  pollutingObject,
  prototypeKey,
  withOwnKey,
} from './hostile-values';

const CATALOG_FIELDS = [...new Set(COMMAND_TYPES.flatMap((type) => Object.keys(exampleOf(type))))];

/** One generated command: its type, the body to send, and how it was made (for the report). */
export interface CommandCase {
  type: string;
  body: unknown;
  mutation: string;
}

// Each example's first field is the id of the entity it targets or creates; a fresh one makes
// a create command succeed, so valid appends are mixed in with the refusals.
const freshId = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,40}$/);

/** The example with one of its fields given a value of the wrong type, shape or size. */
const retyped = (type: string) =>
  fc
    .record({ key: fc.constantFrom(...Object.keys(exampleOf(type))), value: hostileValue })
    .map(({ key, value }) => ({ ...exampleOf(type), [key]: value }));

const missingField = (type: string) =>
  fc.constantFrom(...Object.keys(exampleOf(type))).map((key) => {
    const { [key]: _dropped, ...rest } = exampleOf(type);
    return rest;
  });

const extraField = (type: string) =>
  fc
    .record({
      // Fields of other commands too (email on UpdateContactDetails, …): valid names, odd values.
      key: fc.oneof(
        prototypeKey,
        fc.constant('polluted'),
        fc.string({ maxLength: 20 }),
        fc.constantFrom(...CATALOG_FIELDS),
      ),
      value: hostileValue,
    })
    .map(({ key, value }) => withOwnKey(key, value, exampleOf(type)));

/** A prototype key planted one level down: in a field's object, or in its array's first item. */
const nestedPollution = (type: string) =>
  fc
    .record({ key: fc.constantFrom(...Object.keys(exampleOf(type))), proto: prototypeKey })
    .map(({ key, proto }) => {
      const payload = exampleOf(type);
      const value = payload[key];
      if (!Array.isArray(value)) {
        return { ...payload, [key]: withOwnKey(proto, POLLUTION, isObject(value) ? value : {}) };
      }
      const [first, ...rest] = value as unknown[];
      return {
        ...payload,
        [key]: [withOwnKey(proto, POLLUTION, isObject(first) ? first : {}), ...rest],
      };
    });

/** A body that is not the payload object at all. */
const wrongBody = (type: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant([exampleOf(type)]),
    fc.constant(Object.values(exampleOf(type))),
    oddString,
    fc.constantFrom(null, 0, true, 'null'),
    deeplyNested,
    pollutingObject.map((polluting) => ({ ...exampleOf(type), ...polluting })),
    hugeString.map((text) => ({ ...exampleOf(type), padding: text })),
  );

const validWithFreshId = (type: string) =>
  freshId.map((id) => {
    const payload = exampleOf(type);
    const [idKey] = Object.keys(payload);
    return idKey === undefined ? payload : { ...payload, [idKey]: id };
  });

function commandCase(type: string): fc.Arbitrary<CommandCase> {
  const labelled = (mutation: string, body: fc.Arbitrary<unknown>) =>
    body.map((generated) => ({
      type,
      body: generated,
      mutation,
      // fast-check prints counterexamples with this; its default recursion overflows on deep nesting.
      [fc.toStringMethod]: () => `${type} (${mutation}): ${preview(generated)}`,
    }));
  return fc.oneof(
    { arbitrary: labelled('retyped field', retyped(type)), weight: 4 },
    { arbitrary: labelled('missing field', missingField(type)), weight: 2 },
    { arbitrary: labelled('extra field', extraField(type)), weight: 2 },
    { arbitrary: labelled('nested prototype key', nestedPollution(type)), weight: 2 },
    { arbitrary: labelled('wrong body', wrongBody(type)), weight: 2 },
    { arbitrary: labelled('valid, fresh id', validWithFreshId(type)), weight: 2 },
    { arbitrary: labelled('example as is', fc.constant(exampleOf(type))), weight: 1 },
  );
}

/** A generated case for any command type of the catalog. */
export const anyCommandCase: fc.Arbitrary<CommandCase> = fc
  .constantFrom(...COMMAND_TYPES)
  .chain((type) => commandCase(type));

function isObject(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A half surrogate (not encodable as UTF-8), NUL, a bidi override, a combining mark, astral text.
const ODD_TEXTS = ['a\uD800@example.com', '\uDFFF', 'a\u0000b', '\u202Eevil', 'e\u0301', '𝕏@𝕏.com'];

/** Every (command, string field of its example, odd text) triple, for an exhaustive sweep. */
export function oddTextInEveryField(): Array<{ type: string; field: string; value: string }> {
  return COMMAND_TYPES.flatMap((type) =>
    Object.entries(exampleOf(type))
      .filter(([, example]) => typeof example === 'string')
      .flatMap(([field]) => ODD_TEXTS.map((value) => ({ type, field, value }))),
  );
}
