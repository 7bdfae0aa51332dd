import type { Due, Steps } from '../extract/slices';

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

/**
 * The longest slice of a sliced phase (ms): under the 50 ms of a long task, with room for the rest of the task (the
 * last check of `due` comes up to slices.ts CHECK_EVERY nodes late, and the code after a pass runs in its last slice).
 */
export const SLICE_MS = 30;

/**
 * Run a pass written in slices (extract/slices.ts) at page load: one slice per task, each at most about SLICE_MS and
 * timed as its own `qingdu:<phase>` measure, the page's main thread given back in between (yieldSlice).
 * @param start makes the pass with the `due` it must check
 * @returns the pass's result
 * @throws what the pass throws
 */
export async function sliced<T>(phase: string, start: (due: Due) => Steps<T>): Promise<T> {
  let sliceStart = performance.now();
  const steps = start(() => performance.now() - sliceStart >= SLICE_MS);
  for (;;) {
    let r: IteratorResult<void, T>;
    try {
      r = steps.next();
    } finally {
      measure(phase, sliceStart);
    }
    if (r.done) return r.value;
    await yieldSlice();
    sliceStart = performance.now();
  }
}

/** The WICG Prioritized Task Scheduling API's `scheduler.yield`, where the browser has it (Chromium 129+). */
interface YieldingScheduler {
  yield(): Promise<void>;
}

/**
 * Give the main thread back between two slices of a pass: `scheduler.yield()` where there is one (input and rendering
 * run first, and the pass goes on before the page's other tasks), else yieldToPage. Never rejects.
 */
export function yieldSlice(): Promise<void> {
  try {
    const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
    if (typeof scheduler?.yield === 'function') return scheduler.yield().catch(yieldToPage);
  } catch {
    /* a scheduler we may not call (another world's object): the timer */
  }
  return yieldToPage();
}
