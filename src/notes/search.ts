import { highlightTerms, termCode, tokenize } from './tokenize';
import { FIELDS, searchRow, type SearchHit, type SearchRow } from './search-row';
import { PostingsTable, type PostingsState } from './search-postings';
import type { Note } from '../shared/notes-types';

export type { SearchHit } from './search-row';

/** Ranking weight of a field that holds every term of the query (FIELDS order: title, text, note, meta). */
const BOOST = [3, 1, 2, 1.5] as const;

/**
 * The index as IndexedDB stores it (typed arrays are copied, not walked, so restoring is fast): the result rows by
 * document number (null for removed ones) and the postings table.
 */
export interface IndexSnapshot extends PostingsState {
  revision: number;
  docs: (SearchHit | null)[];
}

/**
 * Full-text index over notes: an inverted index of character bigrams and words (tokenize.ts), the classic CJK n-gram
 * index, in typed arrays (search-postings.ts). A query matches notes that hold all its terms (in any field), so 齿轮厂
 * (bigrams 齿轮, 轮厂) finds every note containing 齿轮厂; notes with every term in the title, then in the user's note,
 * then in the metadata rank first, newest first among equals. Built from the search rows tokenized when each note was
 * saved (search-row.ts).
 */
export class NotesIndex {
  /** Result row per document number; null once removed (its postings are dropped at the next add). */
  private docs: (SearchHit | null)[] = [];
  private byId = new Map<string, number>();
  private table = new PostingsTable();
  /** Other forms of a query to search as well (the worker sets a Traditional → Simplified converter). */
  variants: (query: string) => string[] = () => [];

  /** The query and its variants, without duplicates or empty ones: what `hits` searches and pages highlight. */
  queryForms(query: string): string[] {
    return Array.from(new Set([query, ...this.variants(query)])).filter((q) => tokenize(q).length);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Add or replace a note (tokenizes it; the notes page adds stored rows instead, see addRows). */
  put(n: Note): void {
    this.addRows([searchRow(n, 0)]);
  }

  /** Add or replace many notes. */
  addAll(notes: readonly Note[]): void {
    this.addRows(notes.map((n) => searchRow(n, 0)));
  }

  /** Add or replace notes from their stored search rows (one merge of the postings for the whole batch). */
  addRows(rows: readonly SearchRow[]): void {
    const latest = new Map(rows.map((r) => [r.id, r]));
    for (const id of latest.keys()) this.remove(id);
    const first = this.docs.length;
    for (const { codes: _c, words: _w, rev: _r, ...hit } of latest.values()) {
      this.byId.set(hit.id, this.docs.length);
      this.docs.push(hit);
    }
    this.table.add(first, Array.from(latest.values()), (d) => this.docs[d] === null);
  }

  /** Ids of the notes in the index. */
  ids(): string[] {
    return Array.from(this.byId.keys());
  }

  remove(id: string): void {
    const doc = this.byId.get(id);
    if (doc === undefined) return;
    this.docs[doc] = null;
    this.byId.delete(id);
  }

  clear(): void {
    this.docs = [];
    this.byId.clear();
    this.table = new PostingsTable();
  }

  /**
   * Note ids matching every term of the query, best first. An empty query (or one with no letters) matches nothing.
   * A single CJK character matches the bigrams that hold it.
   */
  search(query: string): string[] {
    return this.hits(query).map((h) => h.id);
  }

  /** Like search, with the stored fields of each note (for result rows). Searches the query and its variants. */
  hits(query: string): SearchHit[] {
    const scores = new Map<number, number>();
    for (const form of this.queryForms(query))
      for (const [doc, score] of this.match(form)) scores.set(doc, Math.max(score, scores.get(doc) ?? 0));
    const docs = Array.from(scores.keys());
    const hitOf = (d: number) => this.docs[d]!;
    docs.sort((a, b) => scores.get(b)! - scores.get(a)! || (hitOf(a).createdAt < hitOf(b).createdAt ? 1 : -1));
    return docs.map(hitOf);
  }

  /** Docs holding every term of one query form, with their score (1 + BOOST of each field holding all terms). */
  private match(form: string): Map<number, number> {
    const masks = Array.from(new Set(tokenize(form)), (t) => this.fieldMasks(t)).sort((a, b) => a.size - b.size);
    let cur = masks[0] ?? new Map<number, number>();
    for (const m of masks.slice(1)) {
      const next = new Map<number, number>();
      for (const [doc, mask] of cur) {
        const other = m.get(doc);
        if (other !== undefined) next.set(doc, mask & other);
      }
      cur = next;
    }
    const out = new Map<number, number>();
    for (const [doc, mask] of cur) {
      if (!this.docs[doc]) continue;
      let score = 1;
      for (let f = 0; f < FIELDS.length; f++) if (mask & (1 << f)) score += BOOST[f];
      out.set(doc, score);
    }
    return out;
  }

  /** The terms a query term stands for: itself, and for a lone CJK character every term holding it. */
  private termsFor(term: string): number[] {
    const code = termCode(term);
    if (!code) return [this.table.wordTerm(term)];
    const exact = this.table.codeTerm(code);
    if (code & 0xffff) return [exact];
    return [exact, ...this.table.termsWithChar(code >>> 16)];
  }

  /** Docs (live or removed) holding a term → bit mask of the fields holding it. */
  private fieldMasks(term: string): Map<number, number> {
    const out = new Map<number, number>();
    for (const t of this.termsFor(term)) {
      if (t < 0) continue;
      const p = this.table.postings(t);
      for (let i = 0; i < p.length; i++) {
        const doc = p[i] >> 2;
        out.set(doc, (out.get(doc) ?? 0) | (1 << (p[i] & 3)));
      }
    }
    return out;
  }

  /** The index as a snapshot of library `revision`. */
  toSnapshot(revision: number): IndexSnapshot {
    return { revision, docs: this.docs.slice(), ...this.table.state() };
  }

  /** Restore an index from `toSnapshot` output. @throws Error on a snapshot whose parts disagree */
  static fromSnapshot(s: IndexSnapshot): NotesIndex {
    const index = new NotesIndex();
    index.table = PostingsTable.fromState(s);
    index.docs = s.docs.slice();
    index.docs.forEach((h, d) => h && index.byId.set(h.id, d));
    return index;
  }
}

/** One piece of highlighted text: `hit` pieces are matches of the query. */
export interface Piece {
  text: string;
  hit: boolean;
}

/**
 * Split text into plain and matching pieces for the query (case-insensitive, longest term first), for rendering
 * highlights as text nodes (no HTML strings).
 */
export function highlight(text: string, query: string): Piece[] {
  const terms = highlightTerms(query);
  if (!terms.length || !text) return [{ text, hit: false }];
  const re = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index! > last) out.push({ text: text.slice(last, m.index), hit: false });
    out.push({ text: m[0], hit: true });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), hit: false });
  return out;
}

/**
 * A short passage of `text` around the first match of the query (for result snippets), with … where cut.
 * @param radius characters kept on each side of the match
 */
export function snippet(text: string, query: string, radius = 40): string {
  const lower = text.toLowerCase();
  let at = -1;
  for (const t of highlightTerms(query)) {
    at = lower.indexOf(t);
    if (at >= 0) break;
  }
  if (at < 0) return text.slice(0, radius * 2) + (text.length > radius * 2 ? '…' : '');
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + radius * 2);
  return (start > 0 ? '…' : '') + text.slice(start, end).replace(/\s+/g, ' ') + (end < text.length ? '…' : '');
}
