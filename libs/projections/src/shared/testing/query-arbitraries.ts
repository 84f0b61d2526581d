import fc from 'fast-check';

export interface QueryWindow {
  from: string | undefined;
  to: string | undefined;
}

/**
 * A view query for the day-summary properties: a window whose ends may each be absent, and mostly
 * no filter or one (the summaries' slices), sometimes two at once (read from the entities).
 * With `orderedWindow`, a draw whose `to` fell before its `from` has `to` raised to `from`.
 */
export function windowAndFilters<Filter extends object>(
  bound: fc.Arbitrary<string | undefined>,
  filter: fc.Arbitrary<Filter>,
  options: { orderedWindow: boolean },
): fc.Arbitrary<QueryWindow & Partial<Filter>> {
  return fc
    .tuple(
      fc.record({ from: bound, to: bound }),
      fc.oneof(
        fc.constant<Partial<Filter>>({}),
        filter,
        filter,
        fc.tuple(filter, filter).map(([a, b]): Partial<Filter> => ({ ...a, ...b })),
      ),
    )
    .map(([window, chosen]): QueryWindow & Partial<Filter> => {
      const outOfOrder = window.from && window.to && window.from > window.to;
      const ordered = options.orderedWindow && outOfOrder ? { ...window, to: window.from } : window;
      return { ...ordered, ...chosen };
    });
}
