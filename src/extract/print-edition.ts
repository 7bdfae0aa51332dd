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

/** The print edition credited in `text`, or null. */
export function parsePrintEdition(text: string): PrintEdition | null {
  const m = text.replace(/[\s\u3000\u00a0]+/g, ' ').match(CREDIT);
  if (!m) return null;
  return { newspaper: m[1].trim(), date: `${m[2]}-${pad2(m[3])}-${pad2(m[4])}`, page: m[5] };
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
