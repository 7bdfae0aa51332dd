/**
 * The print edition an article was reprinted from, read from the page: newspaper sites credit it in a line of its
 * own, `《 人民日报 》（ 2024年05月10日   04 版）` (people.com.cn's `#paper_num`, corpus people-2). Carried beside the
 * Article (whose fields are a fixed contract), for citations: GB/T 7714 cites such an article as a newspaper article,
 * `作者. 题名[N]. 人民日报, 2024-05-10(04).` (src/cite/csl-item.ts). Pure: reads the document, changes nothing.
 */

import { textNodesMatching } from './text';

/** Where an article appeared in print. */
export interface PrintEdition {
  /** The newspaper's name, e.g. 人民日报. */
  newspaper: string;
  /** The date, `YYYY-MM-DD`. */
  date: string;
  /** The page (版次) as printed, e.g. `04`, `A3`. */
  page: string;
}

/** `《报名》（YYYY年MM月DD日 NN 版）`, spaces anywhere between the parts, `第NN版` too. */
const CREDIT =
  /《\s*([^《》\n]{1,20}?)\s*》\s*[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:第\s*)?([0-9A-Za-z]{1,4})\s*版\s*[）)]/;

/** A block holding the credit is short: longer text quoting one (`据《人民日报》…04版报道`) is prose. */
const CREDIT_BLOCK_MAX = 60;

const pad2 = (s: string): string => s.padStart(2, '0');

/**
 * The first field of `v` that is not as parsePrintEdition makes it, as a path (`printEdition.date`), or null when `v`
 * is a well-formed PrintEdition: `newspaper` 1–20 characters without 《》, white space other than single spaces (no
 * line break) or control characters, `date` a real day `YYYY-MM-DD`, `page` 1–4 letters or digits. The notes store
 * keeps only such a value and its JSON import refuses any other (src/notes/write.ts, src/notes/import.ts), so what is
 * saved can be exported and imported back.
 */
export function printEditionProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'printEdition';
  const p = v as Record<string, unknown>;
  const newspaper = typeof p.newspaper === 'string' ? p.newspaper : '';
  if (!/^[^《》\n]{1,20}$/.test(newspaper) || !isFolded(newspaper)) return 'printEdition.newspaper';
  if (typeof p.date !== 'string' || !isDay(p.date)) return 'printEdition.date';
  if (typeof p.page !== 'string' || !/^[0-9A-Za-z]{1,4}$/.test(p.page)) return 'printEdition.page';
  return null;
}

/** Text as parsePrintEdition leaves it: trimmed, no white space but single spaces, no control characters. */
function isFolded(s: string): boolean {
  return s.replace(/[\s\u3000\u00a0]+/g, ' ').trim() === s && !/[\u0000-\u001f\u007f-\u009f]/.test(s);
}

/** `YYYY-MM-DD` naming a day that exists (not 2024-02-30). */
function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The print edition credited in `text`, or null (also when the credit names no paper or no real day). */
export function parsePrintEdition(text: string): PrintEdition | null {
  const m = text.replace(/[\s\u3000\u00a0]+/g, ' ').match(CREDIT);
  if (!m) return null;
  const found = { newspaper: m[1].trim(), date: `${m[2]}-${pad2(m[3])}-${pad2(m[4])}`, page: m[5] };
  // `《 》` names no paper and 2024年13月40日 is no day: not a credit
  return printEditionProblem(found) ? null : found;
}

/**
 * The print edition the page credits: the text of `#paper_num` (people.com.cn), else the first short block (p, div,
 * span, td; at most 60 characters) that is such a credit. Null when there is none.
 */
export function printEdition(doc: Document): PrintEdition | null {
  const own = doc.getElementById('paper_num');
  if (own) {
    const found = parsePrintEdition(own.textContent ?? '');
    if (found) return found;
  }
  // from the text nodes naming a 版 up to their block: no textContent of every block on a large page
  for (const node of textNodesMatching(doc.body ?? doc.documentElement, /版/)) {
    const block = node.parentElement?.closest('p, div, span, td, li');
    const text = (block?.textContent ?? '').trim();
    if (text.length > CREDIT_BLOCK_MAX) continue;
    const found = parsePrintEdition(text);
    if (found) return found;
  }
  return null;
}
