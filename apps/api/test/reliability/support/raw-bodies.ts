import fc from 'fast-check';
import { COMMAND_TYPES } from '@chronicle/application';
import { exampleOf } from './examples';
import { preview } from './preview';

/** A request whose bytes, not its values, are the problem. */
export interface RawCase {
  type: string;
  body: Uint8Array;
  headers: Record<string, string>;
  mutation: string;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };
const exampleText = (type: string): string => JSON.stringify(exampleOf(type));
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

// A placeholder value swapped for a literal that JSON.stringify could never write.
const SLOT = '"__number_slot__"';
const numberLiterals = ['1e309', '-1e309', '-0', '1E-400', 'NaN', 'Infinity', '0x10', '01', '.5'];

const truncated = (type: string) =>
  fc
    .integer({ min: 0, max: exampleText(type).length - 1 })
    .map((end) => bytes(exampleText(type).slice(0, end)));

const trailingGarbage = (type: string) =>
  fc
    .constantFrom('}', ',', ' x', '{}', '\u0000', '//', '\n{"a":1}')
    .map((garbage) => bytes(exampleText(type) + garbage));

/** Invalid UTF-8 (a lone continuation byte, an overlong '/', a surrogate half, 0xFF) in a value. */
const notUtf8 = (type: string) =>
  fc
    .record({
      invalid: fc.constantFrom([0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff, 0xfe], [0xf8]),
      atStart: fc.boolean(),
    })
    .map(({ invalid, atStart }) => {
      const text = exampleText(type);
      const split = atStart ? 0 : text.indexOf(':"') + 2;
      return Uint8Array.from([
        ...bytes(text.slice(0, split)),
        ...invalid,
        ...bytes(text.slice(split)),
      ]);
    });

const oddNumberLiteral = (type: string) =>
  fc
    .record({
      key: fc.constantFrom(...Object.keys(exampleOf(type))),
      literal: fc.constantFrom(...numberLiterals),
    })
    .map(({ key, literal }) => {
      const payload = { ...exampleOf(type), [key]: '__number_slot__' };
      return bytes(JSON.stringify(payload).replace(SLOT, literal));
    });

/** JSON.parse keeps a literal "__proto__" key as an own property: the classic pollution vector. */
const literalProtoKey = (type: string) =>
  fc
    .constantFrom(
      '{"__proto__":{"polluted":"yes"},',
      '{"constructor":{"prototype":{"polluted":"yes"}},',
      '{"__proto__":{"__proto__":{"polluted":"yes"}},',
    )
    .map((head) => bytes(head + exampleText(type).slice(1)));

const strangeWholeBodies = fc.constantFrom(
  '',
  ' ',
  '\uFEFF{}',
  'null',
  '"just a string"',
  '[]',
  '{"a":1,"a":2}',
  '{'.repeat(10_000),
  '['.repeat(10_000) + ']'.repeat(10_000),
);

function rawCase(type: string): fc.Arbitrary<RawCase> {
  const labelled = (mutation: string, body: fc.Arbitrary<Uint8Array>) =>
    body.map((generated) => ({
      type,
      body: generated,
      headers: JSON_TYPE,
      mutation,
      [fc.toStringMethod]: () => `${type} (${mutation}): ${preview(generated)}`,
    }));
  return fc.oneof(
    labelled('truncated', truncated(type)),
    labelled('trailing garbage', trailingGarbage(type)),
    labelled('not UTF-8', notUtf8(type)),
    labelled('odd number literal', oddNumberLiteral(type)),
    labelled('literal prototype key', literalProtoKey(type)),
    labelled('strange whole body', strangeWholeBodies.map(bytes)),
  );
}

export const anyRawCase: fc.Arbitrary<RawCase> = fc
  .constantFrom(...COMMAND_TYPES)
  .chain((type) => rawCase(type));
