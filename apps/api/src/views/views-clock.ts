import type { Provider } from '@nestjs/common';

/** The current time for views judged against it (SLA pending or breached, customer recency). */
export type ViewClock = () => Date;

/** Nest token of the views' clock; tests can provide a fixed one. */
export const VIEWS_CLOCK = Symbol('VIEWS_CLOCK');

export const systemViewsClock: Provider = { provide: VIEWS_CLOCK, useValue: () => new Date() };
