/**
 * Work that page load may split into slices (DESIGN.md: `scanPage` is callable in slices by the content script). A
 * long pass is written as a generator that yields between chunks when `due()` says its slice is over; the content
 * script runs one slice per task and gives the page its main thread in between (src/content/timing.ts), while Node,
 * the CLI and stage two drain the same generator in one go (runToEnd), so both give the very same result
 * (test/unit/slices.test.ts). Pure: no clock of its own; the caller's `due` holds the deadline.
 */

/** True when the current slice is over: the pass saves where it is and yields. Called every few hundred nodes. */
export type Due = () => boolean;

/** A slice that never ends: the pass runs to its end in one go. */
export const NEVER_DUE: Due = () => false;

/** A pass in slices: yields between them, returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Drain `steps` at once (no yield reaches the caller). @returns the pass's result */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** How many nodes a walk visits between two calls of `due` (a call costs about as much as reading a few nodes). */
export const CHECK_EVERY = 256;

/**
 * A counter for a loop in slices: true once every CHECK_EVERY calls, when `due()` says the slice is over (then the
 * loop yields). `if (tick()) yield;` at the top of each turn.
 */
export function ticker(due: Due): () => boolean {
  let count = 0;
  return () => {
    if (++count < CHECK_EVERY) return false;
    count = 0;
    return due();
  };
}
