import fc from 'fast-check';

/** The key every polluting payload tries to plant on Object.prototype. */
export const POLLUTION = { polluted: 'yes' } as const;

/**
 * A copy of `base` with `key` as an own, enumerable property. An object literal
 * `{ __proto__: … }` would set the prototype instead, and JSON.stringify would drop it.
 */
export function withOwnKey(
  key: string,
  value: unknown,
  base: Record<string, unknown> = {},
): Record<string, unknown> {
  const copy = { ...base };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

export const prototypeKey = fc.constantFrom('__proto__', 'constructor', 'prototype');

/** `{ __proto__: { polluted } }`, `{ constructor: { prototype: { polluted } } }`, … */
export const pollutingObject: fc.Arbitrary<Record<string, unknown>> = fc.constantFrom(
  withOwnKey('__proto__', POLLUTION),
  withOwnKey('constructor', withOwnKey('prototype', POLLUTION)),
  withOwnKey('prototype', POLLUTION),
  withOwnKey('__proto__', withOwnKey('__proto__', POLLUTION)),
);

// Deep nesting stands in the generated value as a short token, expanded only in the JSON text:
// JSON.stringify in the test process, and fast-check's printer, would overflow their own stacks.
const DEEP_TOKEN = /"__deep_(\d+)_(arrays|objects)_(proto|plain)__"/g;
const DEEP_LEAF = { proto: '{"__proto__":{"polluted":"yes"}}', plain: '"leaf"' } as const;

// Deep enough to overflow a naive recursive validator or transformer, small enough (≤ 30 KiB of
// JSON) to stay under the body limit, so the nesting itself is what the server has to survive.
export const deeplyNested = fc
  .record({
    depth: fc.integer({ min: 20, max: 5_000 }),
    shape: fc.constantFrom('arrays', 'objects'),
    leaf: fc.constantFrom('proto', 'plain'),
  })
  .map(({ depth, shape, leaf }) => `__deep_${depth}_${shape}_${leaf}__`);

/** The JSON text of a generated body, with each deep-nesting token expanded. */
export function toJsonText(body: unknown): string {
  return JSON.stringify(body).replace(
    DEEP_TOKEN,
    (_token, depth: string, shape: string, leaf: keyof typeof DEEP_LEAF) => {
      const [open, close] = shape === 'arrays' ? ['[', ']'] : ['{"a":', '}'];
      const levels = Number(depth);
      return open.repeat(levels) + DEEP_LEAF[leaf] + close.repeat(levels);
    },
  );
}

/** Lone surrogates, NUL, bidi overrides, BOMs, combining marks, astral characters. */
export const oddString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 64 }),
  // A half surrogate inside ordinary text: valid JSON (\ud800), invalid as UTF-16 text.
  fc
    .tuple(fc.string({ maxLength: 8 }), fc.integer({ min: 0xd800, max: 0xdfff }))
    .map(([text, half]) => `${text}${String.fromCharCode(half)}@example.com`),
  fc.string({ unit: 'grapheme', maxLength: 32 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202E',
    '\uFEFF',
    '\uD800',
    'e\u0301',
    '\u200B',
    '𝕏'.repeat(40),
  ),
);

// 200–300 KiB once encoded: some bodies stay under the 256 KiB limit, some cross it.
export const hugeString = fc
  .record({
    bytes: fc.integer({ min: 200 * 1024, max: 300 * 1024 }),
    char: fc.constantFrom('x', 'é', '🙂'),
  })
  .map(({ bytes, char }) => char.repeat(Math.ceil(bytes / Buffer.byteLength(char))));

// NaN and ±Infinity become null in JSON; their string spellings test the coercion instead.
export const oddNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(-0, 1e308, Number.MAX_SAFE_INTEGER + 2, -1, 0.1 + 0.2, 5e-324),
  fc.constantFrom('NaN', '1e309', 'Infinity', '-0', '0x10', '1_000', ' 1 ', '12000'),
);

/** Anything that a field of a command should not hold (and now and then something it may). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: oddString, weight: 4 },
  { arbitrary: oddNumber, weight: 3 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}), weight: 2 },
  { arbitrary: pollutingObject, weight: 2 },
  { arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
  { arbitrary: deeplyNested, weight: 1 },
  { arbitrary: hugeString, weight: 1 },
);
