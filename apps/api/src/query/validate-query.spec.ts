import { IsString } from 'class-validator';
import {
  QueryChoice,
  QueryInteger,
  QueryPosition,
  QueryText,
  QueryTime,
  toUtcTime,
} from './query-fields';
import { NotEarlierThan, NotTogetherWith, Repeatable, Required } from './query-rules';
import { validateQuery } from './validate-query';

class WindowQuery {
  @QueryTime('Lower bound')
  from?: string;

  @QueryTime('Upper bound')
  @NotEarlierThan('from')
  to?: string;

  @QueryPosition('Read-your-writes')
  minPosition?: string;
}

class PageQuery extends WindowQuery {
  @QueryInteger('Page size', { min: 1, max: 1000 })
  limit?: number;

  @QueryText('Owner')
  ownerId?: string;

  @QueryChoice('Priority', ['low', 'high'], 'ProbePriority')
  priority?: string;

  @QueryPosition('Exclusive start')
  @NotTogetherWith('minPosition')
  after?: string;
}

class ListQuery {
  @Repeatable()
  @IsString({ each: true })
  type?: string[];
}

class ProofQuery {
  @Required()
  @QueryInteger('Earlier tree size', { min: 1, max: 100 })
  from!: number;
}

/** The problems a refused query lists, by parameter. */
function refusal(dto: new () => object, query: Record<string, unknown>): Record<string, string[]> {
  try {
    validateQuery(dto, query);
  } catch (error) {
    const { code, details } = error as {
      code: string;
      details: { field: string; problems: string[] }[];
    };
    expect(code).toBe('VALIDATION_FAILED');
    return Object.fromEntries(details.map(({ field, problems }) => [field, problems]));
  }
  throw new Error(`accepted ${JSON.stringify(query)}`);
}

describe('validateQuery', () => {
  it('answers an instance of the DTO with the values given, limit as a number', () => {
    const query = validateQuery(PageQuery, {
      from: '2024-01-01',
      to: '2024-02-01T02:00:00+02:00',
      minPosition: '42',
      limit: '250',
      ownerId: 'U-7',
      priority: 'high',
    });

    expect(query).toBeInstanceOf(PageQuery);
    expect({ ...query }).toEqual({
      from: '2024-01-01',
      to: '2024-02-01T02:00:00+02:00',
      minPosition: '42',
      limit: 250,
      ownerId: 'U-7',
      priority: 'high',
    });
  });

  it('treats an empty value as absent and an absent query as empty', () => {
    expect({ ...validateQuery(WindowQuery, { from: '', minPosition: '' }) }).toEqual({});
    expect({ ...validateQuery(WindowQuery, undefined) }).toEqual({});
  });

  it('names every unknown parameter, misspellings and prototype keys included', () => {
    // As Express parses `?ownerid=U-1&campaign=X&__proto__=x`: own keys on a prototype-less object.
    const query = Object.create(null) as Record<string, unknown>;
    for (const name of ['ownerid', 'campaign', '__proto__']) {
      Object.defineProperty(query, name, { value: 'x', enumerable: true });
    }

    const problems = refusal(PageQuery, query);

    expect(Object.keys(problems)).toEqual(['ownerid', 'campaign', '__proto__']);
    expect(problems.campaign).toEqual(['campaign is not a query parameter of this route']);
  });

  it.each([
    '2025-02-31',
    '2025-02-29',
    '2025-13-01',
    '2024-04-31',
    '2025-03-01T25:00:00Z',
    '2025-03-01T09:30:00',
    '2025-03-01T09:60Z',
    'yesterday',
    '1741000000',
  ])('refuses the impossible or ambiguous time %s', (from) => {
    expect(Object.keys(refusal(WindowQuery, { from }))).toEqual(['from']);
  });

  it('accepts real calendar days, leap days included, and normalises them to UTC', () => {
    const query = validateQuery(WindowQuery, { from: '2024-02-29', to: '2024-03-01T01:00+01:00' });

    expect([toUtcTime(query.from), toUtcTime(query.to)]).toEqual([
      '2024-02-29T00:00:00.000Z',
      '2024-03-01T00:00:00.000Z',
    ]);
  });

  it('refuses a window whose end is before its start, naming to', () => {
    expect(refusal(WindowQuery, { from: '2024-02-01', to: '2024-01-31T23:59:59Z' })).toEqual({
      to: ['to must not be earlier than from'],
    });
  });

  it.each(['-1', '1e9', '007', ' 1', '1.0', '0x10', '1'.repeat(31)])(
    'refuses the position %p',
    (minPosition) => {
      expect(refusal(WindowQuery, { minPosition })).toEqual({
        minPosition: ['minPosition must be a decimal position'],
      });
    },
  );

  it.each(['0', '1001', 'ten', '1.5', ' 12', '0x10', '1e2', '012', '99999999999999999999'])(
    'refuses the limit %p with one message',
    (limit) => {
      expect(refusal(PageQuery, { limit })).toEqual({
        limit: ['limit must be an integer from 1 to 1000'],
      });
    },
  );

  it('refuses repeated and nested values unless the parameter is repeatable', () => {
    expect(refusal(PageQuery, { ownerId: ['U-1', 'U-2'], from: { gte: '2024-01-01' } })).toEqual({
      ownerId: ['ownerId must be given once'],
      from: ['from must be a plain value, not an object'],
    });
    expect(validateQuery(ListQuery, { type: ['A', 'B'] }).type).toEqual(['A', 'B']);
    expect(validateQuery(ListQuery, { type: 'A' }).type).toEqual(['A']);
  });

  it('refuses text over the length limit, an unknown choice and exclusive parameters together', () => {
    expect(
      refusal(PageQuery, {
        ownerId: 'x'.repeat(201),
        priority: 'urgent',
        after: '1',
        minPosition: '2',
      }),
    ).toEqual({
      ownerId: ['ownerId must be one value of at most 200 characters'],
      priority: ['priority must be one of low, high'],
      after: ['give either minPosition or after, not both'],
    });
  });

  it('refuses a missing or empty required parameter and judges a given one', () => {
    expect(refusal(ProofQuery, {})).toEqual({ from: ['from is required'] });
    expect(refusal(ProofQuery, { from: '' })).toEqual({ from: ['from is required'] });
    expect(refusal(ProofQuery, { from: '0' })).toEqual({
      from: ['from must be an integer from 1 to 100'],
    });
    expect(validateQuery(ProofQuery, { from: '3' }).from).toBe(3);
  });

  it('lists every problem of one query in one error, with a message naming the parameters', () => {
    expect(() => validateQuery(PageQuery, { limit: '0', foo: '1' })).toThrow(
      'Invalid query parameters: foo, limit',
    );
  });
});
