import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../src/cli/dom';
import { extractDetailed, loadPhases, type PageLoad } from '../../src/extract/index';
import { serializeBody, serializedChars } from '../../src/extract/serialize';
import { countChars } from '../../src/extract/cjk';
import { findClutterBlocks } from '../../src/extract/clutter';
import { walkMarkers } from './marker-walk';
import { CLUTTER_HEADINGS } from '../../src/extract/markers';
import { CASE_URL } from '../../src/cli/score';
import { CORPUS_DIR, caseList, corpusLabels, labelUrl, loadFixture, pageName } from './engine-helpers';
import { PEER_DIR, PEER_URL } from './peer-util';
import { Readability } from '@mozilla/readability';
import * as engine from '../../src/extract/engine';
import { ReadabilityMissing, type ReadabilityClass, type ReadabilitySource } from '../../src/extract/engine';

/** Run loadPhases to the end, collecting the phase names. */
function runLoad(doc: Document, url: string): { phases: string[]; load: PageLoad } {
  const steps = loadPhases(doc, url, { lazy: true });
  const phases: string[] = [];
  for (;;) {
    const s = steps.next();
    if (s.done) return { phases, load: s.value };
    phases.push(s.value);
  }
}

/**
 * The content script's page load (loadPhases, lazy: body copy, cleaning and metadata deferred, issue 8's budget) gives
 * the same verdict as extractArticle (its body length is counted before cleaning), and completes to the very same
 * Article.
 */
describe('lazy page load = extractArticle', () => {
  const check = (doc: Document, url: string, fresh: () => Document) => {
    const { phases, load } = runLoad(doc, url);
    const { article: eager, detection } = extractDetailed(fresh(), url);
    expect(load.detection.isArticle).toBe(eager.isArticle);
    // an article's verdict at load used the exact count of the cleaned copy (serializedChars): the very same evidence
    if (phases.includes('clean')) expect(load.detection).toEqual(detection);
    expect(load.complete()).toEqual(eager);
    expect(load.complete()).toBe(load.complete());
    return phases;
  };
  for (const label of corpusLabels()) {
    it(`corpus ${pageName(label)}`, () => {
      const url = labelUrl(label);
      const load = () => loadFixture(join(CORPUS_DIR, label.file), url);
      check(load(), url, load);
    });
  }
  for (const c of caseList()) {
    it(`case ${c.name}`, () => {
      const load = () => loadFixture(c.path, CASE_URL, c.expected.decode_as);
      check(load(), CASE_URL, load);
    });
  }
  // Readability's own test pages (mostly English, the eager Readability path) and the engine's and hostile fixtures
  const extra = [
    ...readdirSync(PEER_DIR).filter((d) => existsSync(join(PEER_DIR, d, 'source.html'))).map((d) => ({ name: `peer ${d}`, path: join(PEER_DIR, d, 'source.html'), url: PEER_URL })),
    ...['engine', 'hostile', 'no-article', 'multipage'].flatMap((dir) => readdirSync(join('test/fixtures', dir)).filter((f) => f.endsWith('.html') && f !== OVERRULED)
      .map((f) => ({ name: `${dir} ${f}`, path: join('test/fixtures', dir, f), url: `http://news.example.cn/${dir}/2020/0315/${f}` }))),
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
    const load = () => loadFixture(join(CORPUS_DIR, label.file), url);
    expect(check(load(), url, load)).toEqual(['body']);
    const { load: page } = runLoad(load(), url);
    expect(page.exact).toBe(false);
    expect(page.bodyText).toBeNull();
    expect(page.bodyElement?.textContent).toContain('谢谢你们又来看我');
  });
  it('confirms a short article with the cleaned count (not serialised)', () => {
    const label = corpusLabels().find((l) => pageName(l) === 'xinhuanet-2')!;
    const url = labelUrl(label);
    const load = () => loadFixture(join(CORPUS_DIR, label.file), url);
    expect(check(load(), url, load)).toEqual(['body', 'clean']);
    const { load: page } = runLoad(load(), url);
    expect(page.exact).toBe(true);
    expect(page.bodyText).toBeNull();
  });
  it('stops after body choice on a list page (no article even before cleaning)', () => {
    const label = corpusLabels().find((l) => pageName(l) === '163-8')!;
    const url = labelUrl(label);
    const load = () => loadFixture(join(CORPUS_DIR, label.file), url);
    expect(check(load(), url, load)).toEqual(['body']);
    expect(runLoad(load(), url).load.exact).toBe(true);
  });
  it('runs eagerly when only Readability finds the body (English page)', () => {
    const load = () => parseDocument(readFileSync(join(PEER_DIR, '001/source.html'), 'utf8'), PEER_URL);
    // (`readability` first: the step where the content script loads the library, which its own script leaves out)
    expect(check(load(), PEER_URL, load)).toEqual(['readability', 'body', 'metadata', 'clean']);
    expect(runLoad(load(), PEER_URL).load.bodyText).toBeTruthy();
  });
});

/**
 * The engine's ReadabilitySource contract, as the content script uses it (issue 8: its own script leaves Readability
 * out and loads it as a part at the `readability` step).
 */
describe('Readability on demand (engine.ts ReadabilitySource)', () => {
  const english = () => parseDocument(readFileSync(join(PEER_DIR, '001/source.html'), 'utf8'), PEER_URL);
  const missing: ReadabilitySource = () => {
    throw new ReadabilityMissing();
  };

  it('is asked for at the `readability` step, so a caller can load it then; the result is the bundled engine\'s', () => {
    let loaded: ReadabilityClass | null = null;
    const steps = engine.loadPhases(english(), PEER_URL, { lazy: true, readability: () => loaded ?? missing() });
    expect(steps.next()).toEqual({ done: false, value: 'readability' });
    loaded = Readability;
    let step = steps.next();
    while (!step.done) step = steps.next();
    const expected = extractDetailed(english(), PEER_URL);
    expect(step.value.detection.isArticle).toBe(expected.article.isArticle);
    expect(step.value.complete()).toEqual(expected.article);
  });

  it('throws ReadabilityMissing when the source still has none', () => {
    expect(() => engine.runPhases(engine.loadPhases(english(), PEER_URL, { lazy: true, readability: missing }))).toThrow(ReadabilityMissing);
  });

  it('is never asked for on a page whose body the density pass takes (corpus gscn-1)', () => {
    const l = corpusLabels().find((x) => x.file.endsWith('gscn-1.html'))!;
    const doc = loadFixture(join(CORPUS_DIR, l.file), labelUrl(l));
    const load = engine.runPhases(engine.loadPhases(doc, labelUrl(l), { lazy: true, readability: missing }));
    expect(load.detection.isArticle).toBe(true);
    expect(load.complete().isArticle).toBe(true);
  });
});

/**
 * The declutter grows clutter blocks from the marker texts page load's body pass found (issue 8: the page's text is
 * read once at load): they are exactly the texts the declutter's own walk finds, so the same blocks are hidden.
 */
describe('page load marker texts = the declutter walk', () => {
  const pages = [
    ...corpusLabels().map((l) => ({ name: `corpus ${pageName(l)}`, doc: () => loadFixture(join(CORPUS_DIR, l.file), labelUrl(l)), url: labelUrl(l) })),
    ...caseList().map((c) => ({ name: `case ${c.name}`, doc: () => loadFixture(c.path, CASE_URL, c.expected.decode_as), url: CASE_URL })),
    ...['engine', 'hostile', 'breakit', 'no-article'].flatMap((dir) => readdirSync(join('test/fixtures', dir)).filter((f) => f.endsWith('.html'))
      .map((f) => {
        const url = `http://news.example.cn/${dir}/2020/0315/${f}`;
        return { name: `${dir} ${f}`, doc: () => parseDocument(readFileSync(join('test/fixtures', dir, f), 'utf8'), url), url };
      })),
  ];
  // markers the pass does not score: in a button, a nav, an svg, in markup inside noscript (linkedom parses it, as
  // browsers do with scripting off); next to ones in script and textarea (never markers)
  pages.push({ name: 'markers under skipped tags', url: 'http://news.example.cn/a/2020/0315/x.html', doc: () => parseDocument(`<html><body>
    <nav><span>关注我们</span><a href="/">首页</a></nav><div class="bar"><button> 分享到</button><a href="#">微博</a></div>
    <div id="body"><h1>标题</h1><p>${'正文，第一段。'.repeat(30)}</p><p>\u2003精彩推荐</p><svg><text>排行榜</text></svg><noscript><div><span>免责声明</span></div></noscript>
    <script>分享到</script><textarea>广告</textarea><p>${'正文，第二段。'.repeat(30)}</p></div></body></html>`, 'http://news.example.cn/a/2020/0315/x.html') });
  let withMarkers = 0;
  for (const page of pages) {
    it(page.name, () => {
      const doc = page.doc();
      if (!doc.body) return;
      const { load } = runLoad(doc, page.url);
      expect(load.markerTexts.texts).toEqual(walkMarkers(doc));
      if (page.name === 'markers under skipped tags') expect(load.markerTexts.texts.map((t) => t.nodeValue!.trim())).toEqual(['关注我们', '分享到', '精彩推荐', '排行榜', '免责声明']);
      if (load.markerTexts.texts.length) withMarkers++;
      const body = load.bodyElement;
      if (body) expect(findClutterBlocks(doc, body, CLUTTER_HEADINGS, load.markerTexts)).toEqual(findClutterBlocks(doc, body));
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
    const { phases, load: page } = runLoad(load(), url);
    expect(phases).toEqual(['body']);
    expect(page.exact).toBe(false);
    expect(page.detection.isArticle).toBe(true);
    const article = page.complete();
    expect(article.isArticle).toBe(false);
    expect(article).toEqual(extractDetailed(load(), url).article);
  });
});

describe('serializedChars', () => {
  it('equals the serialised text count, dropped tags nested, svg and a form root included', () => {
    const doc = parseDocument(`<html><body><form id="root"><p>正文　第一段，有 空格。</p><script>var a = "脚本";</script>
      <div>第二段<noscript><style>x{}</style>不显示</noscript><b>粗体</b> 尾</div><svg><text>图形文字</text></svg>
      <ul><li>条目一</li><li><button>按钮</button>条目二</li></ul><form>内层表单</form></form></body></html>`, 'http://x.cn/');
    const root = doc.querySelector('#root')!;
    const serialised = countChars(serializeBody(root, 'http://x.cn/').paragraphs.join('\n\n'));
    expect(serializedChars(root)).toBe(serialised);
    expect(serialised).toBe(countChars('正文第一段，有空格。第二段粗体尾条目一条目二内层表单'));
  });
});
