import { readFileSync } from 'node:fs';
import type { Route } from '../../scripts/lib/page-server';

/** Corpus pages (test/fixtures/corpus) served under their real URLs for the reader tests and `npm run bench:reader`. */
export interface CorpusPage {
  /** File name without `.html`, e.g. `gscn-1`. */
  name: string;
  url: string;
  host: string;
  title: string;
  bodyFirst: string;
  /** Site of the corpus label (`gscn`, `sina`, …). */
  site: string;
}

interface LabelRow {
  file: string;
  url: string | null;
  site: string;
  is_article: boolean;
  title: string;
  body_first: string;
}

const rows = (): LabelRow[] =>
  readFileSync('test/fixtures/corpus/labels.jsonl', 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelRow);

/** Article pages of the corpus that carry their real URL (so they are served where the manifest matches them). */
export function corpusArticles(names?: string[]): CorpusPage[] {
  return rows()
    .filter((r) => r.is_article && r.url && (!names || names.includes(r.file.replace(/^pages\/|\.html$/g, ''))))
    .map((r) => {
      const u = new URL(r.url!);
      return {
        name: r.file.replace(/^pages\/|\.html$/g, ''),
        url: `http://${u.host}${u.pathname}${u.search}`,
        host: u.host,
        title: r.title,
        bodyFirst: r.body_first,
        site: r.site,
      };
    });
}

/** Server routes for the pages: the saved bytes with a bare `text/html` (each page's own `<meta charset>` decides). */
export function corpusRoutes(pages: CorpusPage[]): Record<string, Route> {
  return Object.fromEntries(
    pages.map((p) => {
      const u = new URL(p.url);
      return [
        `${u.pathname}${u.search}`,
        { file: `test/fixtures/corpus/pages/${p.name}.html`, contentType: 'text/html' },
      ];
    }),
  );
}

/** The two-page fixture (test/fixtures/multipage/make.py): page 1 UTF-8, page 2 GBK declared only in <meta>. */
export const MULTIPAGE = {
  url: 'http://gansu.gscn.com.cn/system/2020/03/16/012340001.shtml',
  routes: {
    '/system/2020/03/16/012340001.shtml': { file: 'test/fixtures/multipage/page-1.html', contentType: 'text/html' },
    '/system/2020/03/16/012340001_2.shtml': { file: 'test/fixtures/multipage/page-2.html', contentType: 'text/html' },
  } as Record<string, Route>,
};
