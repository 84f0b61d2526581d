import { exampleCommandPayloads } from '@chronicle/application';

export type Payload = Record<string, unknown>;

const byType: Readonly<Record<string, Readonly<Payload> | undefined>> = exampleCommandPayloads;

/** A fresh, mutable copy of the example payload of a command type ({} for an unknown type). */
export function exampleOf(type: string): Payload {
  return { ...byType[type] };
}
