import { extractFile } from '../../src/cli/extract';
import type { Article } from '../../src/extract/article';

/** Extract a fixture page (a path under test/fixtures) into an Article, with a given page URL. */
export async function corpusArticle(file: string, url: string): Promise<Article> {
  const a = await extractFile({ file: new URL(`../fixtures/${file}`, import.meta.url).pathname, url });
  return { ...a, canonicalUrl: a.canonicalUrl ?? url };
}

/** A unique IndexedDB name per test, so tests never share a library. */
let n = 0;
export const dbName = (): string => `notes-test-${process.pid}-${++n}`;
