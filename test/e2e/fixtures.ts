import { readFileSync } from 'node:fs';
import type { Route } from '../../scripts/lib/page-server';

/** The 中国甘肃网 host the fixtures are served under (manifest `*://*.gscn.com.cn/*` applies). */
export const GSCN_HOST = 'gansu.gscn.com.cn';
/** A host outside the manifest matches: the content script must not run there by itself. */
export const OTHER_HOST = 'news.example.org';

const ARTICLE_PATH = '/system/2020/03/15/012339876.shtml';

/** A fixture page as the browser tests open it, with its corpus label. */
export interface FixturePage {
  name: string;
  url: string;
  label: Label;
}

/** The fields of test/fixtures/corpus/labels.jsonl the tests check (true values; never loosened). */
export interface Label {
  url: string;
  is_article: boolean;
  title: string | null;
  source: string | null;
  editor: string | null;
  author: string | null;
  published: string | null;
  section: string[] | null;
  body_first: string | null;
  body_last: string | null;
  must_not_contain: string[];
}

/** Labels by fixture file name, from test/fixtures/corpus/labels.jsonl (fields: test/fixtures/corpus/README.md). */
function labels(): Record<string, Label> {
  const out: Record<string, Label> = {};
  for (const line of readFileSync('test/fixtures/corpus/labels.jsonl', 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Label & { file: string };
    out[row.file.replace(/^pages\//, '')] = row;
  }
  return out;
}

const L = labels();
const html = (charset?: string) => (charset ? `text/html; charset=${charset}` : 'text/html');

/** gscn-1 (UTF-8), gscn-2 (GBK bytes) with and without a charset header, gscn-3 (channel list). */
export const PAGES = {
  gscn1: { name: 'gscn-1', url: `http://${GSCN_HOST}${ARTICLE_PATH}`, label: L['gscn-1.html'] },
  gscn2Header: {
    name: 'gscn-2-header',
    url: `http://${GSCN_HOST}${ARTICLE_PATH}?charset=header`,
    label: L['gscn-2.html'],
  },
  gscn2Meta: { name: 'gscn-2-meta', url: `http://${GSCN_HOST}${ARTICLE_PATH}?charset=meta`, label: L['gscn-2.html'] },
  gscn3: { name: 'gscn-3', url: `http://${GSCN_HOST}/lgxd/index.shtml`, label: L['gscn-3.html'] },
  other: { name: 'other-host', url: `http://${OTHER_HOST}/2020/03/15/article.html`, label: L['gscn-1.html'] },
  /** A one-sentence flash over a long comment thread inside its body container (page load's verdict is overruled). */
  commentsBody: {
    name: 'comments-body',
    url: `http://${GSCN_HOST}/system/2020/03/15/012339999.shtml`,
    label: {} as FixturePage['label'],
  },
  /**
   * An English news article (Readability's test page ars-1): its body is no CJK container, so only Readability reads
   * it, which the content script loads as a part (src/content/readability-part.ts).
   */
  english: {
    name: 'english-ars-1',
    url: `http://${GSCN_HOST}/system/2020/03/16/012340000.shtml`,
    label: {} as FixturePage['label'],
  },
} satisfies Record<string, FixturePage>;

/** Server routes (path + query) for PAGES. */
export const ROUTES: Record<string, Route> = {
  [ARTICLE_PATH]: { file: 'test/fixtures/corpus/pages/gscn-1.html', contentType: html('utf-8') },
  [`${ARTICLE_PATH}?charset=header`]: { file: 'test/fixtures/corpus/pages/gscn-2.html', contentType: html('gbk') },
  [`${ARTICLE_PATH}?charset=meta`]: { file: 'test/fixtures/corpus/pages/gscn-2.html', contentType: html() },
  '/lgxd/index.shtml': { file: 'test/fixtures/corpus/pages/gscn-3.html', contentType: html('utf-8') },
  '/2020/03/15/article.html': { file: 'test/fixtures/corpus/pages/gscn-1.html', contentType: html('utf-8') },
  '/system/2020/03/15/012339999.shtml': { file: 'test/fixtures/engine/comments-body.html', contentType: html('utf-8') },
  '/system/2020/03/16/012340000.shtml': {
    file: 'test/fixtures/peer/readability-test-pages/ars-1/source.html',
    contentType: html('utf-8'),
  },
};

/** The clutter blocks the declutter must hide on the gscn pages (recommended, ranking, follow, share, copyright). */
export const CLUTTER_MARKERS = ['精彩推荐', '新闻排行', '关注我们', '分享到', '版权声明'];

/** The manifest's default key of the toggle-reader command, e.g. `Alt+Shift+Q` (tests check that exactly this is assigned). */
export const READER_SHORTCUT: string = JSON.parse(readFileSync('manifest.json', 'utf8')).commands['toggle-reader']
  .suggested_key.default;

/** The same chord for xdotool (`alt+shift+q`). */
export const READER_SHORTCUT_XDOTOOL = READER_SHORTCUT.toLowerCase();
