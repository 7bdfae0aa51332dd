import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtml } from '../../src/extract/decode';
import { parseDocument } from '../../src/cli/dom';
import { extractMetadata, type ArticleMetadata } from '../../src/extract/metadata';
import { ruleFor } from '../../src/sites/index';
import { chooseBody } from '../../src/extract/body';
import { ruleMatches } from '../../src/extract/text';

/** Fixture roots (copies of /work/shared/corpus and /work/shared/cases). */
export const CORPUS = fileURLToPath(new URL('../fixtures/corpus', import.meta.url));
export const CASES = fileURLToPath(new URL('../fixtures/cases', import.meta.url));
export const CASE_URL = 'https://news.example.cn/a/2020/0315/100001.shtml';

export interface Label {
  file: string;
  url: string | null;
  is_article: boolean;
  title: string;
  published: string | null;
  source: string | null;
  author: string | null;
  editor: string | null;
  section: string[] | null;
}

export function corpusLabels(): Label[] {
  return readFileSync(join(CORPUS, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Label);
}

/**
 * Decode and parse a page the way the CLI does, then extract metadata as the engine calls it: the site rule for the
 * URL and a detached clone of the chosen body (`mode: 'engine'`), or with neither (`mode: 'bare'`: generic guesses only).
 */
export function metadataOf(path: string, url: string, decodeAs?: string, mode: 'engine' | 'bare' = 'engine'): ArticleMetadata {
  const bytes = new Uint8Array(readFileSync(path));
  const html = decodeAs ? new TextDecoder(decodeAs).decode(bytes) : decodeHtml(bytes).html;
  const doc = parseDocument(html, url);
  if (mode === 'bare') return extractMetadata(doc, url, null, null);
  const rule = ruleFor(url, doc);
  let el: Element | null = ruleMatches(doc, rule?.selectors?.body).find((e) => (e.textContent ?? '').trim().length > 50) ?? null;
  el ??= chooseBody(doc).element;
  return extractMetadata(doc, url, el ? (el.cloneNode(true) as Element) : null, rule);
}

/** README rule: names equal after removing spaces and separators. */
export const normNames = (s: string | null | undefined) => (s ?? '').replace(/[\s\u3000、，,;；&＆/|｜·_]+/g, '');

/** README rule: the same instant to the minute, or the same date when the label has no time. */
export function sameTime(label: string | null, got: string | null): boolean {
  if (!label) return !got;
  if (!got) return false;
  if (label.length === 10) return got.slice(0, 10) === label;
  if (got.length === 10) return false;
  return new Date(label).getTime() === new Date(got).getTime() || Math.floor(Date.parse(label) / 60000) === Math.floor(Date.parse(got) / 60000);
}

export type Field = 'title' | 'published' | 'source' | 'authors' | 'editors';

/** Does `got` pass the corpus rule for `field` against the label values? */
export function passes(field: Field, label: { title: string; published: string | null; source: string | null; author: string | null; editor: string | null }, got: ArticleMetadata): boolean {
  switch (field) {
    case 'title':
      return got.title.replace(/\s+/g, ' ').trim() === label.title.replace(/\s+/g, ' ').trim();
    case 'published':
      return sameTime(label.published, got.published);
    case 'source':
      return normNames(label.source) === normNames(got.source);
    case 'authors':
      return normNames(label.author) === normNames(got.authors.join(''));
    case 'editors':
      return normNames(label.editor) === normNames(got.editors.join(''));
  }
}
