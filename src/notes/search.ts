import MiniSearch, { type Options, type Query, type SearchResult } from 'minisearch';
import { highlightTerms, tokenize } from './tokenize';
import type { Note } from '../shared/notes-types';

/** A note as the search index sees it: the searched text fields and the fields a result row shows. */
interface SearchDoc extends Omit<SearchHit, 'id'> {
  id: string;
  text: string;
  /** The user's note and quotes (searched). */
  note: string;
  meta: string;
}

/**
 * What a search returns for each note: enough to show and filter a result row without reading the note from
 * IndexedDB (stored in the index; reading full notes was most of the search time at 10,000 notes).
 */
export interface SearchHit {
  id: string;
  title: string;
  site: string;
  published: string | null;
  createdAt: string;
  tags: string[];
  /** The user's own note text. */
  userNote: string;
}

const FIELDS = ['title', 'text', 'note', 'meta'] as const;

/** MiniSearch options shared by building and loading a snapshot (they must agree). */
const OPTIONS: Options<SearchDoc> = {
  fields: [...FIELDS],
  storeFields: ['title', 'site', 'published', 'createdAt', 'tags', 'userNote'],
  // Each distinct term once per field: term frequency barely matters for short news texts, and this halves the
  // postings the index builds and the snapshot restores (measured: snapshot load 4× faster at 3,000 notes).
  tokenize: (text) => Array.from(new Set(tokenize(text))),
  // Terms are already lower-cased bigrams/words; MiniSearch's default would lower-case again.
  processTerm: (t) => t,
  searchOptions: { combineWith: 'AND', boost: { title: 3, note: 2, meta: 1.5 } },
};

/** The text of a note that search covers: title, body, the user's note and quotes, and the metadata. */
export function toSearchDoc(n: Note): SearchDoc {
  const a = n.article;
  return {
    id: n.id,
    site: n.site,
    published: a.published,
    createdAt: n.createdAt,
    tags: n.tags,
    userNote: n.note,
    title: a.title,
    text: a.textContent,
    note: [n.note, ...n.quotes.map((q) => q.text)].join('\n'),
    meta: [n.site, a.siteName, a.source, ...a.authors, ...a.editors, ...a.section, ...n.tags, a.published]
      .filter(Boolean)
      .join(' '),
  };
}

/**
 * Full-text index over notes (MiniSearch with the bigram tokenizer of tokenize.ts). A query matches notes that contain
 * all its terms, so 齿轮厂 (bigrams 齿轮, 轮厂) finds every note containing 齿轮厂 and ranks title/note hits higher.
 */
export class NotesIndex {
  private ms: MiniSearch<SearchDoc>;
  /** Other forms of a query to search as well (the worker sets a Traditional → Simplified converter). */
  variants: (query: string) => string[] = () => [];

  constructor(ms?: MiniSearch<SearchDoc>) {
    this.ms = ms ?? new MiniSearch<SearchDoc>(OPTIONS);
  }

  /** The query and its variants, without duplicates or empty ones: what `hits` searches and pages highlight. */
  queryForms(query: string): string[] {
    return Array.from(new Set([query, ...this.variants(query)])).filter((q) => tokenize(q).length);
  }

  /** Restore an index from `toJSON()` output. @throws SyntaxError/Error on a corrupt snapshot */
  static fromJSON(json: string): NotesIndex {
    return new NotesIndex(MiniSearch.loadJSON<SearchDoc>(json, OPTIONS));
  }

  /** Serialize for the snapshot in `meta` (see search-cache.ts). */
  toJSON(): string {
    return JSON.stringify(this.ms);
  }

  get size(): number {
    return this.ms.documentCount;
  }

  /** Add or replace a note. */
  put(n: Note): void {
    if (this.ms.has(n.id)) this.ms.discard(n.id);
    this.ms.add(toSearchDoc(n));
  }

  /** Add many notes (faster than put: no existence checks). */
  addAll(notes: readonly Note[]): void {
    this.ms.addAll(notes.map(toSearchDoc));
  }

  remove(id: string): void {
    if (this.ms.has(id)) this.ms.discard(id);
  }

  clear(): void {
    this.ms.removeAll();
  }

  /**
   * Note ids matching every term of the query, best first. An empty query (or one with no letters) matches nothing.
   * A single CJK character is searched as a prefix of the indexed bigrams.
   */
  search(query: string): string[] {
    return this.hits(query).map((h) => h.id);
  }

  /** Like search, with the stored fields of each note (for result rows). Searches the query and its variants. */
  hits(query: string): SearchHit[] {
    const forms = this.queryForms(query);
    if (!forms.length) return [];
    // Each form must match all its terms (AND); a note matching any form is a hit. A nested query's own combineWith
    // applies to its terms, so each form is wrapped to keep AND.
    const query_: Query =
      forms.length === 1
        ? forms[0]
        : { combineWith: 'OR', queries: forms.map((f) => ({ combineWith: 'AND', queries: [f] })) };
    const results: SearchResult[] = this.ms.search(query_, { prefix: (term) => term.length === 1 });
    return results.map((r) => ({
      id: r.id as string,
      title: r.title,
      site: r.site,
      published: r.published ?? null,
      createdAt: r.createdAt,
      tags: r.tags ?? [],
      userNote: r.userNote ?? '',
    }));
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
