/**
 * Views of a report's arrays that compute each item only when it is read, and again on every reading: a
 * renderer can stop between items (to give the page a frame) without the whole section having been built.
 */
export function mapEach<T, U>(items: readonly T[], each: (item: T) => U): Iterable<U> {
  return {
    *[Symbol.iterator]() {
      for (const item of items) yield each(item);
    },
  };
}

export function flatMapEach<T, U>(items: readonly T[], each: (item: T) => readonly U[]): Iterable<U> {
  return {
    *[Symbol.iterator]() {
      for (const item of items) yield* each(item);
    },
  };
}
