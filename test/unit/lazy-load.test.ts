import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../src/cli/dom';
import {
  buildArticle,
  cleanCopy,
  extractDetailed,
  pageVerdict,
  scanPage,
  ExtractionUsageError,
  type CleanCopy,
  type PageScan,
  type PageVerdict,
  type ReadabilityClass,
} from '../../src/extract/index';
import { serializeBody, serializedChars } from '../../src/extract/serialize';
import { countChars } from '../../src/extract/cjk';
import { findClutterBlocks } from '../../src/extract/clutter';
import { walkMarkers } from './marker-walk';
import { CLUTTER_HEADINGS } from '../../src/extract/markers';
import { CASE_URL } from '../../src/cli/score';
import { CORPUS_DIR, caseList, corpusLabels, freshFixture, labelUrl, pageName, sharedFixture } from './engine-helpers';
import { PEER_DIR, PEER_URL } from './peer-util';
import { Readability } from '@mozilla/readability';
/** What page load ends with, and the Article built from it later (stage two, on the first request). */
interface PageLoad {
  phases: string[];
  scan: PageScan;
  verdict: PageVerdict;
  copy: CleanCopy | null;
  complete(): ReturnType<typeof buildArticle>;
}

/**
 * Page load's stages in the order the content script runs them (src/content/index.ts loadPage), with the phase names
 * it times: the scan; Readability's copy on a page that needs it, or the cleaned copy when the bounds do not settle
 * the verdict; the verdict. complete() is stage two with page load's copy.
 */
function runLoad(doc: Document, url: string, readability: ReadabilityClass | null = Readability): PageLoad {
  const scan = scanPage(doc, url);
  const phases = ['body'];
  let copy: CleanCopy | null = null;
  if (scan.needsReadability) {
    copy = cleanCopy(scan, readability);
    phases.push('readability');
  } else if (!scan.bounds!.settled) {
    copy = cleanCopy(scan, null);
    phases.push('clean');
  }
  const verdict = pageVerdict(scan, copy);
  return { phases, scan, verdict, copy, complete: () => buildArticle(scan, { readability, copy }) };
}

/** DOM nodes held by a record (its values, arrays and plain objects within, not the nodes' own properties). */
function heldNodes(value: unknown, depth = 0): number {
  if (!value || typeof value !== 'object' || depth > 6) return 0;
  if (typeof (value as { nodeType?: unknown }).nodeType === 'number') return 1;
  return Object.values(value).reduce((n: number, v) => n + heldNodes(v, depth + 1), 0);
}

/**
 * The content script's page load (scan; the cleaned copy only when the verdict needs it; metadata and serialisation
 * deferred to the first request) gives the same verdict as extractArticle (its body length is counted before
 * cleaning), and completes to the very same Article.
 */
describe('page load then buildArticle = extractArticle', () => {
  const check = (doc: Document, url: string, fresh: () => Document) => {
    const load = runLoad(doc, url);
    const { article: eager, detection } = extractDetailed(fresh(), url);
    expect(load.verdict.detection.isArticle).toBe(eager.isArticle);
    // a verdict from a cleaned copy used the exact count (serializedChars): the very same evidence as the Article's
    if (load.copy) expect(load.verdict.detection).toEqual(detection);
    expect(load.verdict.exact).toBe(load.copy !== null || !load.verdict.detection.isArticle);
    expect(load.complete()).toEqual(eager);
    // Readability's path: the copy page load keeps until the first request holds no node of Readability's clone of
    // the whole page (scripts/bench.ts retained heap)
    if (load.scan.needsReadability) expect(heldNodes(load.copy)).toBe(0);
    return load.phases;
  };
  for (const label of corpusLabels()) {
    it(`corpus ${pageName(label)}`, () => {
      const url = labelUrl(label);
      const path = join(CORPUS_DIR, label.file);
      check(sharedFixture(path, url), url, () => freshFixture(path, url));
    });
  }
  for (const c of caseList()) {
    it(`case ${c.name}`, () => {
      const fresh = () => freshFixture(c.path, CASE_URL, c.expected.decode_as);
      check(sharedFixture(c.path, CASE_URL, c.expected.decode_as), CASE_URL, fresh);
    });
  }
  // Readability's own test pages (mostly English, the eager Readability path) and the engine's and hostile fixtures
  const extra = [
    ...readdirSync(PEER_DIR)
      .filter((d) => existsSync(join(PEER_DIR, d, 'source.html')))
      .map((d) => ({ name: `peer ${d}`, path: join(PEER_DIR, d, 'source.html'), url: PEER_URL })),
    ...['engine', 'hostile', 'no-article', 'multipage'].flatMap((dir) =>
      readdirSync(join('test/fixtures', dir))
        .filter((f) => f.endsWith('.html') && f !== OVERRULED)
        .map((f) => ({
          name: `${dir} ${f}`,
          path: join('test/fixtures', dir, f),
          url: `http://news.example.cn/${dir}/2020/0315/${f}`,
        })),
    ),
  ];
  for (const page of extra) {
    it(page.name, () => {
      const load = () => parseDocument(readFileSync(page.path, 'utf8'), page.url);
      check(load(), page.url, load);
    });
  }
  it('takes a long article body as one before cleaning it (metadata and serialisation deferred too)', () => {
    const label = corpusLabels().find((l) => pageName(l) === 'gscn-1')!;
    const url = labelUrl(label);
    const load = () => freshFixture(join(CORPUS_DIR, label.file), url);
    expect(check(load(), url, load)).toEqual(['body']);
    const page = runLoad(load(), url);
    expect(page.verdict.exact).toBe(false);
    expect(page.copy).toBeNull();
    expect(page.scan.body.holder?.textContent).toContain('谢谢你们又来看我');
  });
  it('confirms a short article with the cleaned count (not serialised)', () => {
    const label = corpusLabels().find((l) => pageName(l) === 'xinhuanet-2')!;
    const url = labelUrl(label);
    const load = () => freshFixture(join(CORPUS_DIR, label.file), url);
    expect(check(load(), url, load)).toEqual(['body', 'clean']);
    const page = runLoad(load(), url);
    expect(page.verdict.exact).toBe(true);
    expect(page.copy?.metadata).toBeNull();
  });
  it('stops after body choice on a list page (no article even before cleaning)', () => {
    const label = corpusLabels().find((l) => pageName(l) === '163-8')!;
    const url = labelUrl(label);
    const load = () => freshFixture(join(CORPUS_DIR, label.file), url);
    expect(check(load(), url, load)).toEqual(['body']);
    expect(runLoad(load(), url).verdict.exact).toBe(true);
  });
  it('reads the body with Readability at page load when only Readability finds it (English page)', () => {
    const load = () => parseDocument(readFileSync(join(PEER_DIR, '001/source.html'), 'utf8'), PEER_URL);
    expect(check(load(), PEER_URL, load)).toEqual(['body', 'readability']);
    // its metadata is read before cleaning (cleaning changes Readability's container in place)
    expect(runLoad(load(), PEER_URL).copy?.metadata?.title).toBeTruthy();
  });
});

/**
 * Readability on demand: the content script's own file leaves the library out and loads it as a part only on a page
 * whose scan says it needs it (PageScan.needsReadability).
 */
describe('Readability on demand', () => {
  const english = () => parseDocument(readFileSync(join(PEER_DIR, '001/source.html'), 'utf8'), PEER_URL);

  it("is needed on a page only Readability reads, and the Article is then the bundled engine's", () => {
    const scan = scanPage(english(), PEER_URL);
    expect(scan.needsReadability).toBe(true);
    expect(scan.bounds).toBeNull();
    expect(buildArticle(scan, { readability: Readability })).toEqual(extractDetailed(english(), PEER_URL).article);
  });

  it('is a usage error to build such a page without it (the caller loads it first)', () => {
    const scan = scanPage(english(), PEER_URL);
    expect(() => cleanCopy(scan, null)).toThrow(ExtractionUsageError);
    expect(() => buildArticle(scan, { readability: null })).toThrow(ExtractionUsageError);
    expect(() => pageVerdict(scan, null)).toThrow(ExtractionUsageError);
  });

  it('is never needed on a page whose body the density pass takes (corpus gscn-1)', () => {
    const l = corpusLabels().find((x) => x.file.endsWith('gscn-1.html'))!;
    const doc = sharedFixture(join(CORPUS_DIR, l.file), labelUrl(l));
    const load = runLoad(doc, labelUrl(l), null);
    expect(load.scan.needsReadability).toBe(false);
    expect(load.verdict.detection.isArticle).toBe(true);
    expect(load.complete().isArticle).toBe(true);
  });
});

/**
 * The declutter grows clutter blocks from the marker texts page load's body pass found (the page's text is read once at
 * load): they are exactly the texts the declutter's own walk finds, so the same blocks are hidden.
 */
describe('page load marker texts = the declutter walk', () => {
  const pages = [
    ...corpusLabels().map((l) => ({
      name: `corpus ${pageName(l)}`,
      doc: () => sharedFixture(join(CORPUS_DIR, l.file), labelUrl(l)),
      url: labelUrl(l),
    })),
    ...caseList().map((c) => ({
      name: `case ${c.name}`,
      doc: () => sharedFixture(c.path, CASE_URL, c.expected.decode_as),
      url: CASE_URL,
    })),
    ...['engine', 'hostile', 'breakit', 'no-article'].flatMap((dir) =>
      readdirSync(join('test/fixtures', dir))
        .filter((f) => f.endsWith('.html'))
        .map((f) => {
          const url = `http://news.example.cn/${dir}/2020/0315/${f}`;
          return {
            name: `${dir} ${f}`,
            doc: () => parseDocument(readFileSync(join('test/fixtures', dir, f), 'utf8'), url),
            url,
          };
        }),
    ),
  ];
  // markers the pass does not score: in a button, a nav, an svg, in markup inside noscript (linkedom parses it, as
  // browsers do with scripting off); next to ones in script and textarea (never markers)
  pages.push({
    name: 'markers under skipped tags',
    url: 'http://news.example.cn/a/2020/0315/x.html',
    doc: () =>
      parseDocument(
        `<html><body>
    <nav><span>关注我们</span><a href="/">首页</a></nav><div class="bar"><button> 分享到</button><a href="#">微博</a></div>
    <div id="body"><h1>标题</h1><p>${'正文，第一段。'.repeat(30)}</p><p>\u2003精彩推荐</p><svg><text>排行榜</text></svg><noscript><div><span>免责声明</span></div></noscript>
    <script>分享到</script><textarea>广告</textarea><p>${'正文，第二段。'.repeat(30)}</p></div></body></html>`,
        'http://news.example.cn/a/2020/0315/x.html',
      ),
  });
  let withMarkers = 0;
  for (const page of pages) {
    it(page.name, () => {
      const doc = page.doc();
      if (!doc.body) return;
      const { markerTexts, body } = scanPage(doc, page.url);
      expect(markerTexts.texts).toEqual(walkMarkers(doc));
      if (page.name === 'markers under skipped tags')
        expect(markerTexts.texts.map((t) => t.nodeValue!.trim())).toEqual([
          '关注我们',
          '分享到',
          '精彩推荐',
          '排行榜',
          '免责声明',
        ]);
      if (markerTexts.texts.length) withMarkers++;
      if (body.holder)
        expect(findClutterBlocks(doc, body.holder, CLUTTER_HEADINGS, markerTexts)).toEqual(
          findClutterBlocks(doc, body.holder),
        );
    });
  }
  // the comparison is not vacuous: most fixtures carry markers (corpus gscn pages: 精彩推荐, 分享到, 版权声明 …)
  it('compares fixtures that have markers', () => expect(withMarkers).toBeGreaterThan(40));
});

/** The engine fixture made so that page load's verdict is wrong: see the test below. */
const OVERRULED = 'comments-body.html';

describe('a verdict page load took before cleaning', () => {
  it('is overruled by the Article (one sentence of news over a comment thread in the body container)', () => {
    const url = 'http://gansu.gscn.com.cn/system/2020/03/15/012339999.shtml';
    const load = () => parseDocument(readFileSync(join('test/fixtures/engine', OVERRULED), 'utf8'), url);
    const page = runLoad(load(), url);
    expect(page.phases).toEqual(['body']);
    expect(page.verdict.exact).toBe(false);
    expect(page.verdict.detection.isArticle).toBe(true);
    const article = page.complete();
    expect(article.isArticle).toBe(false);
    expect(article).toEqual(extractDetailed(load(), url).article);
  });
});

describe('serializedChars', () => {
  it('equals the serialised text count, dropped tags nested, svg and a form root included', () => {
    const doc = parseDocument(
      `<html><body><form id="root"><p>正文　第一段，有 空格。</p><script>var a = "脚本";</script>
      <div>第二段<noscript><style>x{}</style>不显示</noscript><b>粗体</b> 尾</div><svg><text>图形文字</text></svg>
      <ul><li>条目一</li><li><button>按钮</button>条目二</li></ul><form>内层表单</form></form></body></html>`,
      'http://x.cn/',
    );
    const root = doc.querySelector('#root')!;
    const serialised = countChars(serializeBody(root, 'http://x.cn/').paragraphs.join('\n\n'));
    expect(serializedChars(root)).toBe(serialised);
    expect(serialised).toBe(countChars('正文第一段，有空格。第二段粗体尾条目一条目二内层表单'));
  });
});
