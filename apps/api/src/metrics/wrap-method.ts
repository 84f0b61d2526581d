// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any method signature may be wrapped
type AnyMethod = (...args: any[]) => any;

type MethodKeys<T> = { [K in keyof T]: T[K] extends AnyMethod ? K : never }[keyof T];

/**
 * Replaces `target[key]` by `wrap(original)` on this one instance, so every holder of the instance
 * goes through the wrapper, and answers the function that puts the original back. It is how the
 * metrics observe objects built by modules they do not own (the event store, the read store, the
 * CommandBus) without changing them.
 */
export function wrapMethod<T extends object, K extends MethodKeys<T>>(
  target: T,
  key: K,
  wrap: (original: T[K]) => T[K],
): () => void {
  const ownBefore = Object.prototype.hasOwnProperty.call(target, key);
  const original = target[key];
  const bound = (original as AnyMethod).bind(target) as T[K];
  target[key] = wrap(bound);
  return () => {
    if (ownBefore) target[key] = original;
    else delete target[key];
  };
}
