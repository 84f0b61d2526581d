import { parseFilterParameter, parseViewWindow } from './view-query';

describe('view query parameters', () => {
  it('normalises from and to to UTC and keeps minPosition as given', () => {
    expect(
      parseViewWindow({ from: '2024-01-01', to: '2024-02-01T02:00:00+02:00', minPosition: '42' }),
    ).toEqual({
      from: '2024-01-01T00:00:00.000Z',
      to: '2024-02-01T00:00:00.000Z',
      minPosition: '42',
    });
  });

  it('treats absent and empty bounds as unbounded', () => {
    expect(parseViewWindow({ from: '' })).toEqual({
      from: undefined,
      to: undefined,
      minPosition: undefined,
    });
  });

  it.each([
    [{ from: 'yesterday' }, 'from'],
    [{ to: '2024-13-45' }, 'to'],
    [{ from: ['2024-01-01', '2024-02-01'] }, 'from'],
    [{ minPosition: '-1' }, 'minPosition'],
    [{ minPosition: '1e9' }, 'minPosition'],
    [{ from: '2024-02-01', to: '2024-01-01' }, 'to'],
  ])('refuses %p naming %s', (query, field) => {
    expect(() => parseViewWindow(query)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ field })],
      }) as Error,
    );
  });

  it('accepts one filter value and refuses repeated ones', () => {
    expect(parseFilterParameter('ownerId', 'U-7')).toBe('U-7');
    expect(() => parseFilterParameter('ownerId', ['a', 'b'])).toThrow(/ownerId/);
  });
});
