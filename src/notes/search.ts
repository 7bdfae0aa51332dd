import { highlightTerms, termCode, tokenize } from './tokenize';
import { searchRow, type SearchHit, type SearchRow } from './search-row';
import { PostingsTable, type PostingsState } from './search-postings';
import type { Note } from '../shared/notes-types';

export type { SearchHit } from './search-row';

/** Ranking weight of a field that holds every term of the query (FIELDS order: title, text, note, meta). */
const BOOST: readonly number[] = [3, 1, 2, 1.5];
/** Score ×2 (an integer, 2 to 17) of each mask of the fields holding every term. */
const SCORE_X2 = Array.from({ length: 16 }, (_, mask) =>
  BOOST.reduce((s, b, f) => s + (mask & (1 << f) ? 2 * b : 0), 2),
);
/** Ranking keys hold a doc number below this, and a minute since 1990 below MINUTES (127 years). */
const DOC_LIMIT = 2 ** 20;
const MINUTES = 2 ** 26;
const EPOCH_1990 = Date.UTC(1990, 0, 1);
const minuteOf = (iso: string): number =>
  Math.min(MINUTES - 1, Math.max(0, Math.floor((Date.parse(iso) - EPOCH_1990) / 60_000) || 0));

/** Docs a query form matched and their scores ×2, in the same order. */
interface Found {
  docs: number[];
  scores: number[];
}

/** Docs matched by either of two forms, each with the better of its scores. */
function mergeBest(a: Found, b: Found): Found {
  const best = new Map<number, number>();
  for (const f of [a, b]) f.docs.forEach((d, i) => best.set(d, Math.max(f.scores[i], best.get(d) ?? 0)));
  return { docs: Array.from(best.keys()), scores: Array.from(best.values()) };
}

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
  /** Docs removed since the postings were last merged (their postings are dropped at the next merge). */
  private removedSinceMerge = 0;
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
    const dead = this.removedSinceMerge ? (d: number) => this.docs[d] === null : null;
    this.table.add(first, Array.from(latest.values()), dead);
    this.removedSinceMerge = 0;
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
    this.removedSinceMerge++;
  }

  clear(): void {
    this.docs = [];
    this.byId.clear();
    this.table = new PostingsTable();
    this.removedSinceMerge = 0;
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
    const forms = this.queryForms(query);
    let found = forms.length ? this.match(forms[0]) : { docs: [], scores: [] };
    for (const form of forms.slice(1)) found = mergeBest(found, this.match(form));
    return this.rank(found).map((d) => this.docs[d]!);
  }

  /**
   * Live docs holding every term of one query form (in any field), with their score ×2 (2 + 2 × BOOST of each field
   * holding all terms; an integer). Typed arrays over the doc numbers: at 50,000 notes a common bigram has tens of
   * thousands of postings.
   */
  private match(form: string): Found {
    const lists = Array.from(new Set(tokenize(form)), (t) => this.termsFor(t).filter((n) => n >= 0));
    const total = (l: number[]) =>
      l.reduce((s, t) => s + this.table.postings(t).reduce((n, run) => n + run.length, 0), 0);
    lists.sort((a, b) => total(a) - total(b));
    const n = this.docs.length;
    const all = new Uint8Array(n);
    let docs: number[] = [];
    lists.forEach((terms, i) => {
      const here = i === 0 ? all : new Uint8Array(n);
      for (const t of terms)
        for (const p of this.table.postings(t))
          for (let j = 0; j < p.length; j++) {
            const d = p[j] >> 2;
            if (i === 0 && here[d] === 0 && this.docs[d]) docs.push(d);
            here[d] |= 1 << (p[j] & 3);
          }
      if (i === 0) return;
      docs = docs.filter((d) => here[d] !== 0);
      for (const d of docs) all[d] &= here[d];
    });
    return { docs, scores: docs.map((d) => SCORE_X2[all[d]]) };
  }

  /** Docs best first: by score, then newest first (createdAt), then the later added. */
  private rank(found: Found): number[] {
    const { docs, scores } = found;
    if (this.docs.length >= DOC_LIMIT) {
      const at = (d: number) => this.docs[d]!.createdAt;
      const order = docs.map((_, i) => i);
      order.sort((a, b) => scores[b] - scores[a] || (at(docs[a]) < at(docs[b]) ? 1 : -1));
      return order.map((i) => docs[i]);
    }
    // One number per hit, sorted natively: score (5 bits), minute of createdAt (26 bits), doc number (20 bits).
    const keys = new Float64Array(docs.length);
    for (let i = 0; i < docs.length; i++)
      keys[i] = (scores[i] * MINUTES + minuteOf(this.docs[docs[i]]!.createdAt)) * DOC_LIMIT + docs[i];
    keys.sort();
    const out: number[] = new Array(docs.length);
    for (let i = 0; i < keys.length; i++) out[i] = keys[keys.length - 1 - i] % DOC_LIMIT;
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
    index.removedSinceMerge = index.docs.length - index.byId.size;
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
