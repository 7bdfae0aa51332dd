import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeHtml } from '../../src/extract/decode';
import { parseDocument } from '../../src/cli/dom';
import { extractArticle, type Article } from '../../src/extract/index';
import type { CaseExpected, CorpusField, CorpusLabel } from '../../src/cli/score';

/** Fixture roots: the corpus pages with their labels, and the cases (their README.md files say what they hold). */
const HERE = fileURLToPath(new URL('.', import.meta.url));
export const CORPUS_DIR = join(HERE, '../fixtures/corpus');
export const CASES_DIR = join(HERE, '../fixtures/cases');
/** Small pages of the failure kinds seen on unseen sites (test/fixtures/kinds/README.md). */
export const KINDS_DIR = join(HERE, '../fixtures/kinds');
/** Labels we dispute, with what the page shows (test/fixtures/disputed-labels.json). */
export const DISPUTED_FILE = join(HERE, '../fixtures/disputed-labels.json');

let labels: CorpusLabel[] | null = null;

/** The corpus labels (labels.jsonl), read once per test worker. Shared: do not change the rows. */
export function corpusLabels(): CorpusLabel[] {
  labels ??= readFileSync(join(CORPUS_DIR, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusLabel);
  return labels;
}

/** Short page name for test titles: `pages/gscn-1.html` → `gscn-1`. */
export function pageName(label: CorpusLabel): string {
  return label.file.replace(/^pages\//, '').replace(/\.html$/, '');
}

/** The URL a corpus page is extracted with: its label's, else its file: URL (no URL evidence), as eval does. */
export function labelUrl(label: CorpusLabel): string {
  return label.url ?? pathToFileURL(join(CORPUS_DIR, label.file)).href;
}

/** One label we dispute: the page and field, what the label says, what the engine gives, and the page's evidence. */
export interface DisputedLabel {
  /** Corpus page name, e.g. `163-4`. */
  page: string;
  field: CorpusField;
  label: string;
  ours: string;
  why: string;
}

let disputes: DisputedLabel[] | null = null;

/**
 * The disputed labels (test/fixtures/disputed-labels.json), one list for every test that scores the corpus: such a
 * page and field runs as `it.fails`, so a change of behaviour shows up. A label is never edited to pass.
 */
export function disputedLabels(): DisputedLabel[] {
  disputes ??= JSON.parse(readFileSync(DISPUTED_FILE, 'utf8')) as DisputedLabel[];
  return disputes;
}

/** The dispute of a page's field, if any. */
export function disputeOf(page: string, field: CorpusField): DisputedLabel | undefined {
  return disputedLabels().find((d) => d.page === page && d.field === field);
}

/**
 * Fixture parsing, once per test worker: decoding and parsing a corpus page with linkedom costs about as much as
 * extracting it, and a dozen test files read the same pages. Keys are the absolute path, URL and forced encoding.
 */
const htmlCache = new Map<string, string>();
const docCache = new Map<string, { doc: Document; print: string }>();
const articleCache = new Map<string, Article>();

/** Decoded text of a fixture file, as the CLI decodes it (or with a forced encoding, as a case's `decode_as` says). */
export function fixtureHtml(path: string, decodeAs?: string): string {
  const key = `${resolve(path)}\n${decodeAs ?? ''}`;
  let html = htmlCache.get(key);
  if (html === undefined) {
    html = decodeHtml(new Uint8Array(readFileSync(path)), decodeAs ?? null).html;
    htmlCache.set(key, html);
  }
  return html;
}

/**
 * The fixture decoded and parsed (linkedom) once per test worker and shared by every test that reads it. Read-only:
 * a test that changes the document, or that must prove the engine leaves it unchanged, takes `freshFixture`.
 * @throws Error when an earlier test changed the shared document (added or removed elements, changed its text).
 */
export function sharedFixture(path: string, url: string, decodeAs?: string): Document {
  const key = `${resolve(path)}\n${url}\n${decodeAs ?? ''}`;
  const hit = docCache.get(key);
  if (!hit) {
    const doc = parseDocument(fixtureHtml(path, decodeAs), url);
    docCache.set(key, { doc, print: fingerprint(doc) });
    return doc;
  }
  if (fingerprint(hit.doc) !== hit.print)
    throw new Error(`shared fixture ${path} (${url}) was changed by an earlier test: that test must use freshFixture`);
  return hit.doc;
}

/**
 * A cheap digest of a document (about 3 ms on a corpus page): element count and text length. It misses a changed
 * attribute (reading every attribute costs ten times more under linkedom); no-mutate.test.ts proves extraction
 * changes none.
 */
function fingerprint(doc: Document): string {
  return `${doc.querySelectorAll('*').length}:${doc.documentElement?.textContent?.length ?? 0}`;
}

/** A document of its own, parsed from the fixture's (cached) decoded text: for tests that change it. */
export function freshFixture(path: string, url: string, decodeAs?: string): Document {
  return parseDocument(fixtureHtml(path, decodeAs), url);
}

/**
 * extractArticle on the shared document, once per test worker. The record is shared too, so it is frozen (with its
 * arrays): a test that wants a changed Article spreads a copy.
 */
export function sharedArticle(path: string, url: string, decodeAs?: string): Article {
  const key = `${resolve(path)}\n${url}\n${decodeAs ?? ''}`;
  let article = articleCache.get(key);
  if (!article) {
    article = deepFreeze(extractArticle(sharedFixture(path, url, decodeAs), url));
    articleCache.set(key, article);
  }
  return article;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The cases of a folder in the format of test/fixtures/cases (default) or test/fixtures/kinds: name, expected.json and
 * page path, sorted by name.
 */
export function caseList(dir = CASES_DIR): { name: string; expected: CaseExpected; path: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.expected\.json$/, '');
      return {
        name,
        expected: JSON.parse(readFileSync(join(dir, f), 'utf8')),
        path: join(dir, `${name}.html`),
      };
    });
}
