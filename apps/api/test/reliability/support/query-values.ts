import fc from 'fast-check';
import type { ParameterKind } from './query-routes';

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const offset = fc.oneof(
  fc.constant('Z'),
  fc
    .record({ sign: fc.constantFrom('+', '-'), hours: fc.integer({ min: 0, max: 14 }) })
    .map(({ sign, hours }) => `${sign}${pad(hours)}:00`),
);

/** A real calendar day or instant between 2000 and 2030. */
export const realTime: fc.Arbitrary<string> = fc
  .record({
    year: fc.integer({ min: 2000, max: 2030 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayFraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    clock: fc.option(
      fc.record({
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.integer({ min: 0, max: 59 }),
        offset,
      }),
    ),
  })
  .map(({ year, month, dayFraction, clock }) => {
    const day = 1 + Math.floor(dayFraction * daysIn(year, month));
    const date = `${year}-${pad(month)}-${pad(day)}`;
    if (!clock) return date;
    const { hour, minute, second, offset: zone } = clock;
    return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${zone}`;
  });

/** Days that do not exist, impossible clock parts, missing offsets and other spellings. */
export const impossibleTime: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.integer({ min: 1, max: 12 }) })
    .chain(({ year, month }) =>
      fc
        .integer({ min: daysIn(year, month) + 1, max: 99 })
        .map((day) => `${year}-${pad(month)}-${pad(day)}`),
    ),
  fc
    .integer({ min: 1000, max: 9999 })
    .filter((year) => daysIn(year, 2) === 28)
    .map((year) => `${year}-02-29`),
  fc.integer({ min: 13, max: 99 }).map((month) => `2025-${pad(month)}-01`),
  fc.constantFrom('2025-00-10', '2025-01-00'),
  fc
    .record({
      hour: fc.integer({ min: 24, max: 99 }),
      minute: fc.integer({ min: 60, max: 99 }),
      second: fc.integer({ min: 60, max: 99 }),
      broken: fc.constantFrom('hour', 'minute', 'second', 'offset'),
    })
    .map(({ hour, minute, second, broken }) => {
      const clock = {
        hour: broken === 'hour' ? hour : 9,
        minute: broken === 'minute' ? minute : 30,
        second: broken === 'second' ? second : 0,
      };
      const zone = broken === 'offset' ? `+${pad(hour)}:00` : 'Z';
      return `2025-03-01T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}${zone}`;
    }),
  fc.constantFrom(
    '2025-02-30',
    '2025-02-31',
    '2025-04-31',
    '2025-03-01T09:30:00',
    '2025-03-01T25:00Z',
    '2025-03-01 09:30:00Z',
    '2025/03/01',
    '2025-3-1',
    ' 2025-03-01',
    '20250301',
    '1741000000',
    'yesterday',
    'NaN',
  ),
);

const oddText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.constantFrom('-1', '1e3', '0x10', '1.5', ' 1', '01', '+1', '١٢', 'Infinity', 'null', '[]'),
);

/** A value the parameter accepts; positions stay at or below `head` so no read waits. */
export function validValue(kind: ParameterKind, head: number): fc.Arbitrary<string> {
  switch (kind.kind) {
    case 'time':
      return realTime;
    case 'position':
      return fc.integer({ min: 0, max: head }).map(String);
    case 'integer':
      return fc.integer({ min: kind.min, max: Math.min(kind.max, 1_000_000) }).map(String);
    case 'positive':
      return fc
        .record({
          whole: fc.integer({ min: 0, max: Math.min(kind.max, 1_000_000) - 1 }),
          fraction: fc.option(fc.integer({ min: 1, max: 999 })),
        })
        .map(({ whole, fraction }) =>
          fraction === null ? String(whole + 1) : `${whole}.${pad(fraction, 3)}`,
        );
    case 'choice':
      return fc.constantFrom(...kind.values);
    case 'text':
      return fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 });
    case 'cursor':
      // An empty value counts as absent: the first page.
      return fc.constant('');
  }
}

/** A non-empty value the parameter must refuse (an empty one counts as absent). */
export function malformedValue(kind: ParameterKind): fc.Arbitrary<string> {
  switch (kind.kind) {
    case 'time':
      return impossibleTime;
    case 'position':
      return fc
        .oneof(oddText, fc.constant('1'.repeat(31)), fc.integer({ max: -1 }).map(String))
        .filter((value) => !kind.pattern.test(value));
    case 'integer':
      return fc
        .oneof(
          oddText,
          fc.integer({ min: kind.min - 1_000, max: kind.min - 1 }).map(String),
          fc.bigInt({ min: BigInt(kind.max) + 1n, max: BigInt(kind.max) * 10n + 10n }).map(String),
        )
        .filter((value) => !isCanonicalIntegerIn(value, kind.min, kind.max));
    case 'positive':
      return fc
        .oneof(
          oddText,
          fc.constantFrom('0', '0.0', '-7', '.5', '5.', '1e1'),
          fc.integer({ min: kind.max + 1, max: kind.max * 10 }).map(String),
        )
        .filter((value) => !isPlainPositiveUpTo(value, kind.max));
    case 'choice':
      return fc
        .oneof(
          oddText,
          fc.constantFrom(...kind.values).map((value) => value.toUpperCase()),
        )
        .filter((value) => !kind.values.includes(value));
    case 'text':
      return fc
        .integer({ min: kind.maxLength + 1, max: kind.maxLength * 2 })
        .map((length) => 'x'.repeat(length));
    case 'cursor':
      return oddText.filter((value) => value.trim() !== '');
  }
}

function isPlainPositiveUpTo(value: string, max: number): boolean {
  return (
    /^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/.test(value) && Number(value) > 0 && Number(value) <= max
  );
}

function isCanonicalIntegerIn(value: string, min: number, max: number): boolean {
  return /^(?:0|[1-9][0-9]*)$/.test(value) && Number(value) >= min && Number(value) <= max;
}
