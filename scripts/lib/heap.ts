import type { Page } from 'puppeteer-core';

/**
 * What a page's renderer holds after a full garbage collection (Chromium only, over CDP): the V8 heap in use and the
 * DOM counters. The heap is the whole isolate's (the page's main world and every isolated world, a content script's
 * included), so what a content script retains is the difference with the same page loaded where it does not run.
 */
export interface HeapFigure {
  /** `Runtime.getHeapUsage` usedSize after `HeapProfiler.collectGarbage`, in KB. */
  usedKB: number;
  /** `Memory.getDOMCounters`: live DOM nodes (attached or not), documents, and JavaScript event listeners. */
  nodes: number;
  documents: number;
  listeners: number;
}

/**
 * The page's heap after full garbage collections (three: a weak reference or a finalizer may free more on the next).
 * @throws when the page has no CDP session (Firefox)
 */
export async function settledHeap(page: Page): Promise<HeapFigure> {
  const cdp = await page.createCDPSession();
  try {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const counters = await cdp.send('Memory.getDOMCounters');
    return {
      usedKB: usedSize / 1024,
      nodes: counters.nodes,
      documents: counters.documents,
      listeners: counters.jsEventListeners,
    };
  } finally {
    await cdp.detach();
  }
}

/** `with` less `without`, field by field: what the content script's world keeps alive. */
export function heapDifference(withOurs: HeapFigure, without: HeapFigure): HeapFigure {
  return {
    usedKB: withOurs.usedKB - without.usedKB,
    nodes: withOurs.nodes - without.nodes,
    documents: withOurs.documents - without.documents,
    listeners: withOurs.listeners - without.listeners,
  };
}

/** `KB=… nodes=±… docs=±… listeners=±…` for a retained-heap column. */
export const formatRetained = (h: HeapFigure): string =>
  `${h.usedKB.toFixed(0)} KB (nodes ${sign(h.nodes)}, documents ${sign(h.documents)}, listeners ${sign(h.listeners)})`;

const sign = (n: number): string => (n > 0 ? `+${n}` : String(n));

/** The median and the largest of the figures (KB), for the `retained heap KB: median=… max=…` line. */
export function retainedSummary(kbs: number[]): { median: number; max: number } {
  const s = [...kbs].sort((a, b) => a - b);
  return { median: s.length ? s[Math.ceil(s.length / 2) - 1] : NaN, max: s.length ? s[s.length - 1] : NaN };
}
