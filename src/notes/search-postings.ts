/**
 * The inverted index behind NotesIndex (search.ts), kept in typed arrays: a term dictionary (an open-addressing hash
 * table of CJK term codes, see termCode in tokenize.ts, plus a Map for the few other words) numbering the terms, and
 * every term's postings in one Int32Array, term after term. A posting is `doc * 4 + field`; within a term they ascend,
 * since documents are numbered in the order they are added. Adding documents merges: count the new postings per term,
 * copy the old runs to their new places (dropping removed documents), then fill in the new ones. Two passes over
 * integers, so 10,000 notes (about 8 million postings) load in well under a second; the string-keyed Map this replaced
 * took 9 s on the same rows.
 */

/** The postings of one batch of documents: each term's code (0 for a word) or word, and its `doc * 4 + field`. */
export interface NewPostings {
  codes: Uint32Array[];
  words: string[];
}

/** Serializable state (see IndexSnapshot in search.ts). */
export interface PostingsState {
  termCodes: Uint32Array;
  termWords: [number, string][];
  start: Int32Array;
  len: Int32Array;
  post: Int32Array;
}

const EMPTY = 0;

export class PostingsTable {
  private keys = new Uint32Array(1 << 16);
  private vals = new Int32Array(1 << 16);
  private bits = 16;
  private codeCount = 0;
  private words = new Map<string, number>();
  /** Per term: its code (0 for a word), start and length of its run in `post`. */
  termCodes = new Uint32Array(1024);
  private start = new Int32Array(1024);
  private len = new Int32Array(1024);
  private post: Int32Array = new Int32Array(0);
  /**
   * Postings of documents added one or a few at a time since the last merge (a save while the notes page is open),
   * per term: merged into `post` once they are an eighth of it, so a single save does not copy every posting.
   */
  private recent = new Map<number, number[]>();
  private recentCount = 0;
  terms = 0;
  /** CJK character code → terms holding it (built on the first one-character query after the dictionary grew). */
  private byChar: Map<number, number[]> | undefined;

  /** The term number of a code, or -1. */
  codeTerm(code: number): number {
    const mask = (1 << this.bits) - 1;
    for (let h = Math.imul(code, 0x9e3779b1) >>> (32 - this.bits); ; h = (h + 1) & mask) {
      if (this.keys[h] === EMPTY) return -1;
      if (this.keys[h] === code) return this.vals[h];
    }
  }

  /** The term number of a word, or -1. */
  wordTerm(word: string): number {
    return this.words.get(word) ?? -1;
  }

  private addCode(code: number): number {
    if ((this.codeCount + 1) * 2 > 1 << this.bits) this.rehash();
    const mask = (1 << this.bits) - 1;
    let h = Math.imul(code, 0x9e3779b1) >>> (32 - this.bits);
    for (; this.keys[h] !== EMPTY; h = (h + 1) & mask) if (this.keys[h] === code) return this.vals[h];
    this.keys[h] = code;
    this.vals[h] = this.newTerm(code);
    this.codeCount++;
    return this.vals[h];
  }

  private rehash(): void {
    const { keys, vals } = this;
    this.bits++;
    this.keys = new Uint32Array(1 << this.bits);
    this.vals = new Int32Array(1 << this.bits);
    const mask = (1 << this.bits) - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === EMPTY) continue;
      let h = Math.imul(keys[i], 0x9e3779b1) >>> (32 - this.bits);
      while (this.keys[h] !== EMPTY) h = (h + 1) & mask;
      this.keys[h] = keys[i];
      this.vals[h] = vals[i];
    }
  }

  private addWord(word: string): number {
    let t = this.words.get(word);
    if (t === undefined) this.words.set(word, (t = this.newTerm(0)));
    return t;
  }

  private newTerm(code: number): number {
    if (this.terms === this.termCodes.length) {
      const grow = <T extends Int32Array | Uint32Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.termCodes = grow(this.termCodes);
      this.start = grow(this.start);
      this.len = grow(this.len);
    }
    this.termCodes[this.terms] = code;
    this.byChar = undefined;
    return this.terms++;
  }

  /**
   * Add the postings of documents `firstDoc`, `firstDoc + 1`, … (one NewPostings each, in that order), dropping the
   * postings of documents `dead` says are gone (null when none has gone since the last add: the old runs are copied).
   */
  add(firstDoc: number, docs: readonly NewPostings[], dead: ((doc: number) => boolean) | null): void {
    let total = 0;
    for (const d of docs) for (let f = 0; f < d.codes.length; f++) total += d.codes[f].length + countWords(d.words[f]);
    const terms = new Int32Array(total);
    const entries = new Int32Array(total);
    let k = 0;
    docs.forEach((d, i) => {
      for (let f = 0; f < d.codes.length; f++) {
        const entry = (firstDoc + i) * 4 + f;
        const codes = d.codes[f];
        for (let j = 0; j < codes.length; j++) {
          terms[k] = this.addCode(codes[j]);
          entries[k++] = entry;
        }
        if (!d.words[f]) continue;
        for (const w of d.words[f].split(' ')) {
          terms[k] = this.addWord(w);
          entries[k++] = entry;
        }
      }
    });
    if (!dead && (this.recentCount + total) * 8 < this.post.length) {
      for (let i = 0; i < total; i++) {
        const list = this.recent.get(terms[i]);
        if (list) list.push(entries[i]);
        else this.recent.set(terms[i], [entries[i]]);
      }
      this.recentCount += total;
      return;
    }
    this.merge(...this.withRecent(terms, entries), dead);
  }

  /** New postings with the recent ones before them (they belong to earlier documents), which they then replace. */
  private withRecent(terms: Int32Array, entries: Int32Array): [Int32Array, Int32Array] {
    if (!this.recentCount) return [terms, entries];
    const t = new Int32Array(this.recentCount + terms.length);
    const e = new Int32Array(t.length);
    let k = 0;
    for (const [term, list] of this.recent)
      for (const entry of list) {
        t[k] = term;
        e[k++] = entry;
      }
    t.set(terms, k);
    e.set(entries, k);
    this.recent.clear();
    this.recentCount = 0;
    return [t, e];
  }

  private merge(terms: Int32Array, entries: Int32Array, dead: ((doc: number) => boolean) | null): void {
    const added = new Int32Array(this.terms);
    for (let i = 0; i < terms.length; i++) added[terms[i]]++;
    const kept = dead ? this.liveLengths(dead) : this.len.slice(0, this.terms);
    const start = new Int32Array(this.termCodes.length);
    let at = 0;
    for (let t = 0; t < this.terms; t++) {
      start[t] = at;
      at += kept[t] + added[t];
    }
    const post = new Int32Array(at);
    for (let t = 0; t < this.terms; t++) {
      const from = this.start[t];
      if (kept[t] === this.len[t]) post.set(this.post.subarray(from, from + this.len[t]), start[t]);
      else
        for (let i = from, o = start[t]; i < from + this.len[t]; i++)
          if (!dead!(this.post[i] >> 2)) post[o++] = this.post[i];
    }
    const fill = new Int32Array(this.terms);
    for (let t = 0; t < this.terms; t++) fill[t] = start[t] + kept[t];
    for (let i = 0; i < terms.length; i++) post[fill[terms[i]]++] = entries[i];
    for (let t = 0; t < this.terms; t++) this.len[t] = kept[t] + added[t];
    this.start = start;
    this.post = post;
  }

  /** Per term, how many of its postings belong to live documents. */
  private liveLengths(dead: (doc: number) => boolean): Int32Array {
    const kept = new Int32Array(this.terms);
    for (let t = 0; t < this.terms; t++) {
      let n = 0;
      for (let i = this.start[t], end = i + this.len[t]; i < end; i++) if (!dead(this.post[i] >> 2)) n++;
      kept[t] = n;
    }
    return kept;
  }

  /** The postings of a term: its merged run (a view) and its recent ones (valid until the next add). */
  postings(term: number): (Int32Array | number[])[] {
    const run = this.post.subarray(this.start[term], this.start[term] + this.len[term]);
    const recent = this.recent.get(term);
    return recent ? [run, recent] : [run];
  }

  /** Terms holding a CJK character (as its first or second character, or alone). */
  termsWithChar(char: number): number[] {
    if (!this.byChar) {
      const map = new Map<number, number[]>();
      const push = (c: number, t: number) => (map.get(c) ?? map.set(c, []).get(c)!).push(t);
      for (let t = 0; t < this.terms; t++) {
        const code = this.termCodes[t];
        if (!code) continue;
        push(code >>> 16, t);
        if (code & 0xffff) push(code & 0xffff, t);
      }
      this.byChar = map;
    }
    return this.byChar.get(char) ?? [];
  }

  state(): PostingsState {
    if (this.recentCount) this.merge(...this.withRecent(new Int32Array(0), new Int32Array(0)), null);
    return {
      termCodes: this.termCodes.slice(0, this.terms),
      termWords: Array.from(this.words, ([w, t]) => [t, w]),
      start: this.start.slice(0, this.terms),
      len: this.len.slice(0, this.terms),
      post: this.post,
    };
  }

  /** Restore from `state()`. @throws Error when its arrays disagree in length */
  static fromState(s: PostingsState): PostingsTable {
    const n = s.termCodes.length;
    if (s.start.length !== n || s.len.length !== n) throw new Error('search snapshot: term arrays disagree');
    const table = new PostingsTable();
    for (let t = 0; t < n; t++) {
      if (s.termCodes[t]) table.addCode(s.termCodes[t]);
      else table.newTerm(0);
    }
    for (const [t, w] of s.termWords) table.words.set(w, t);
    table.start.set(s.start);
    table.len.set(s.len);
    table.post = s.post;
    return table;
  }
}

const countWords = (s: string): number => {
  if (!s) return 0;
  let n = 1;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) n++;
  return n;
};
