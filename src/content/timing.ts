/**
 * Phase timings of the content script, recorded as User Timing measures named `qingdu:<phase>` (ms, start/end on the
 * page's performance clock). The page's performance timeline is shared by the page and the content script's isolated
 * world, so `npm run bench` (scripts/bench.ts) and the hostile-page suite read them from the page with
 * `performance.getEntriesByName('qingdu:extract')`. Recording never throws: a page cannot break us through it.
 */
export function timed<T>(phase: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    measure(phase, start);
  }
}

/** Record `qingdu:<phase>` from `start` (performance.now() ms) to now. */
export function measure(phase: string, start: number): void {
  try {
    performance.measure(`qingdu:${phase}`, { start, end: performance.now() });
  } catch {
    /* User Timing unavailable (very old engines): timings are diagnostics only */
  }
}

/**
 * Record the User Timing mark `qingdu:<event>` now (e.g. `qingdu:part:complete` when the content script asks for a
 * part: test/e2e/huge.test.ts reads it to see when stage two was loaded). Never throws.
 */
export function mark(event: string): void {
  try {
    performance.mark(`qingdu:${event}`);
  } catch {
    /* User Timing unavailable: diagnostics only */
  }
}

/**
 * Give the main thread back to the page between phases (a macrotask, so input and the page's own timers run first):
 * each phase is then its own task, and the longest task is one phase, not the sum.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
