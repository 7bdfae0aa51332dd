import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeHtml } from '../../src/extract/decode';
import { parseDocument } from '../../src/cli/dom';
import type { CaseExpected, CorpusLabel } from '../../src/cli/score';

/** Fixture roots: verbatim copies of ../shared/corpus and ../shared/cases. */
const HERE = fileURLToPath(new URL('.', import.meta.url));
export const CORPUS_DIR = join(HERE, '../fixtures/corpus');
export const CASES_DIR = join(HERE, '../fixtures/cases');

export function corpusLabels(): CorpusLabel[] {
  return readFileSync(join(CORPUS_DIR, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusLabel);
}

/** Short page name for test titles: `pages/gscn-1.html` → `gscn-1`. */
export function pageName(label: CorpusLabel): string {
  return label.file.replace(/^pages\//, '').replace(/\.html$/, '');
}

/** The URL a corpus page is extracted with: its label's, else its file: URL. */
export function labelUrl(label: CorpusLabel): string {
  return label.url ?? pathToFileURL(join(CORPUS_DIR, label.file)).href;
}

/** Decode (as the CLI does) and parse a fixture file with linkedom. */
export function loadFixture(path: string, url: string, decodeAs?: string): Document {
  const { html } = decodeHtml(new Uint8Array(readFileSync(path)), decodeAs ?? null);
  return parseDocument(html, url);
}

/** The cases: name, expectation, html path. */
export function caseList(): { name: string; expected: CaseExpected; path: string }[] {
  return readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.expected\.json$/, '');
      return { name, expected: JSON.parse(readFileSync(join(CASES_DIR, f), 'utf8')), path: join(CASES_DIR, `${name}.html`) };
    });
}
