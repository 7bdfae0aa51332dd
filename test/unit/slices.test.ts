import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { parseDocument } from '../../src/cli/dom';
import { chooseBody, chooseBodySteps, type BodyChoice } from '../../src/extract/body';
import { scanPage, scanPageSteps, type PageScan } from '../../src/extract/scan';
import { CHECK_EVERY, type Steps } from '../../src/extract/slices';
import { hugePages } from '../../scripts/lib/huge-pages';
import { CORPUS_DIR, corpusLabels, fixtureHtml, labelUrl, pageName, sharedFixture } from './engine-helpers';
import { join } from 'node:path';
import { CLUTTER_ATTR } from '../../src/extract/clutter';
import { applyDeclutter, declutterSteps } from '../../src/content/declutter';
import { readDeclutterLabels, servedAddresses } from '../../scripts/lib/declutter-labels';

// The content script runs the body pass in slices at page load (src/content/timing.ts sliced); Node and stage two
// drain it in one go. Both must give the very same PageScan, also when the page changes between slices.

/** Drain `steps` with a slice ending at every check (the most slices a pass can be cut into); counts the yields. */
function drainSliced<T>(steps: Steps<T>, between: (slice: number) => void = () => {}): { value: T; slices: number } {
  for (let slices = 1; ; slices++) {
    const r = steps.next();
    if (r.done) return { value: r.value, slices };
    between(slices);
  }
}
const always = () => true;

/** An element as its place in the document (index among all elements), so two scans compare by identity. */
function placer(doc: Document): (el: Element | null) => number {
  const all = Array.from(doc.querySelectorAll('*'));
  const index = new Map(all.map((el, i) => [el, i]));
  return (el) => (el ? (index.get(el) ?? -2) : -1);
}

/** A PageScan as plain data, elements and text nodes by place. */
function plain(scan: PageScan) {
  const at = placer(scan.doc);
  const { body } = scan;
  return {
    rule: scan.rule?.id ?? null,
    page: scan.page,
    cjkPage: scan.cjkPage,
    body: { ...body, element: at(body.element), holder: at(body.holder), containers: body.containers.map(at) },
    needsReadability: scan.needsReadability,
    markers: scan.markerTexts.texts.map((t) => `${at(t.parentElement)}:${t.nodeValue}`),
    markerRoot: at(scan.markerTexts.root),
    evidence: scan.evidence,
    bounds: scan.bounds,
  };
}

/** A BodyChoice's statistics as plain data, by place. */
function plainStats(doc: Document, choice: BodyChoice) {
  const at = placer(doc);
  return [...choice.stats].map(([el, s]) => [at(el), s]).sort((a, b) => (a[0] as number) - (b[0] as number));
}

describe('scanPage in slices gives the very PageScan of scanPage', () => {
  const labels = corpusLabels();
  it.each(labels.map((l) => [pageName(l), l] as const))('corpus %s', (_name, label) => {
    const url = labelUrl(label);
    const doc = sharedFixture(join(CORPUS_DIR, 'pages', `${pageName(label)}.html`), url);
    const whole = scanPage(doc, url);
    const { value, slices } = drainSliced(scanPageSteps(doc, url, {}, always));
    expect(plain(value)).toEqual(plain(whole));
    // the pass was really cut: a slice per CHECK_EVERY nodes
    expect(slices).toBeGreaterThan(doc.querySelectorAll('*').length / CHECK_EVERY / 4);
    expect(plainStats(doc, drainSliced(chooseBodySteps(doc, always)).value)).toEqual(plainStats(doc, chooseBody(doc)));
  });

  it.each(hugePages().map((p) => [p.name, p] as const))('huge page %s', (_name, p) => {
    const url = 'http://huge.gscn.com.cn/system/2026/12/05/000000001.shtml';
    const doc = parseDocument(p.html, url);
    const whole = scanPage(doc, url);
    const { value, slices } = drainSliced(scanPageSteps(doc, url, {}, always));
    expect(plain(value)).toEqual(plain(whole));
    expect(slices).toBeGreaterThan(10);
  });
});

/** A page whose body is one container of `n` paragraphs (the walk stands inside it after its first slice). */
function longPage(n: number): Document {
  const paras = Array.from(
    { length: n },
    (_, i) => `<p>第${i + 1}段：今天，市政府发布了新的规划，涉及住房、学校和公园。</p>`,
  );
  return parseHTML(
    `<html><head><title>t</title></head><body><div id="a">${paras.join('')}</div><div id="b">${paras.slice(0, 50).join('')}</div></body></html>`,
  ).document;
}

describe('a page that changes between slices', () => {
  it('removed under the walk: the walk starts over and reads the page as it is now', () => {
    const doc = longPage(600);
    const { value } = drainSliced(chooseBodySteps(doc, always), (slice) => {
      if (slice === 1) doc.getElementById('a')!.remove();
    });
    expect(value.element?.id).toBe('b');
    expect(value.page).toEqual(chooseBody(doc).page);
    expect(plainStats(doc, value)).toEqual(plainStats(doc, chooseBody(doc)));
  });

  it('the next node moved away: the walk starts over', () => {
    const doc = longPage(600);
    const a = doc.getElementById('a')!;
    const { value } = drainSliced(chooseBodySteps(doc, always), (slice) => {
      // move the second half of the paragraphs into #b
      if (slice === 1) for (const p of Array.from(a.children).slice(300)) doc.getElementById('b')!.appendChild(p);
    });
    expect(value.page).toEqual(chooseBody(doc).page);
    expect(value.element?.id).toBe(chooseBody(doc).element?.id);
  });

  it('the page replaced <body> (document.write, Turbo-style navigation): the walk reads the new body', () => {
    const doc = longPage(600);
    const { value } = drainSliced(chooseBodySteps(doc, always), (slice) => {
      if (slice !== 1) return;
      const fresh = doc.createElement('body');
      fresh.innerHTML = `<div id="n">${'<p>新页面的正文，这里是一段新闻文字，包含逗号，句号。</p>'.repeat(80)}</div>`;
      doc.documentElement.replaceChild(fresh, doc.body!);
    });
    expect(value.element?.id).toBe('n');
    expect(value.element?.isConnected).toBe(true);
    expect(value.markers.root.isConnected).toBe(true);
  });

  it('changed elsewhere only: the walk goes on (what it read stays read) and never throws', () => {
    const doc = longPage(600);
    const { value, slices } = drainSliced(chooseBodySteps(doc, always), (slice) => {
      if (slice === 1)
        doc.body!.insertAdjacentHTML('afterbegin', '<div id="c"><p>新加的一段文字，在已读过的地方。</p></div>');
    });
    expect(slices).toBeGreaterThan(2);
    expect(value.element?.id).toBe('a');
    // the added paragraph lies before the walk's place: not counted, as a page changed just after a whole pass
    expect(value.page.chars).toBe(
      chooseBody(doc).page.chars - chooseBody(doc).stats.get(doc.getElementById('c')!)!.chars,
    );
  });
});

describe('partsWithoutStreams in slices, a block removed by the page while it is read', () => {
  // body-feed-flat-cards with an ad block among the article's paragraphs: the stream check of that block yields, and
  // the page's ad script removes it then. The rest of the article stays in the body (a nextSibling walk ended there).
  const url = 'http://gansu.gscn.com.cn/system/2020/03/15/012339876.shtml';
  const html = fixtureHtml('test/fixtures/kinds/body-feed-flat-cards.html').replace(
    '<p>“周末',
    '<div id="ad"><span>广告位招租</span></div><p>“周末',
  );
  const siblingsOf = (doc: Document, choice: BodyChoice) => choice.siblings.map(placer(doc));
  it('gives the parts a whole pass gives after the removal, whichever slice it comes in', () => {
    const { slices } = drainSliced(chooseBodySteps(parseDocument(html, url), always));
    expect(chooseBody(parseDocument(html, url)).siblings).toHaveLength(8);
    for (let k = 1; k < slices; k++) {
      const doc = parseDocument(html, url);
      const { value } = drainSliced(chooseBodySteps(doc, always), (slice) => {
        if (slice === k) doc.getElementById('ad')!.remove();
      });
      const whole = chooseBody(doc);
      expect(whole.siblings, `removed after slice ${k}`).toHaveLength(7);
      expect(siblingsOf(doc, value), `removed after slice ${k}`).toEqual(siblingsOf(doc, whole));
    }
  });
});

/** What a declutter did to `doc`: the sheet and the places of the elements it marked. */
function declutterResult(doc: Document) {
  const at = placer(doc);
  return {
    sheet: doc.getElementById('qingdu-declutter')?.textContent ?? null,
    marked: Array.from(doc.querySelectorAll(`[${CLUTTER_ATTR}]`)).map(at),
  };
}

describe('the declutter in slices marks what applyDeclutter marks', () => {
  const pages = readDeclutterLabels('test/fixtures/corpus').filter((l) => l.isArticle);
  const addresses = servedAddresses(pages);
  const cases = [
    ...pages.map((l) => [l.name, fixtureHtml(`test/fixtures/corpus/${l.file}`), addresses.get(l.name)!] as const),
    ...hugePages().map((p) => [p.name, p.html, 'http://huge.gscn.com.cn/system/2026/12/05/000000001.shtml'] as const),
  ];
  it.each(cases)('%s', (_name, html, url) => {
    const run = (sliced: boolean) => {
      const doc = parseDocument(html, url);
      const scan = scanPage(doc, url);
      const target = { url, bodyElement: scan.body.holder, bodyText: null, markerTexts: scan.markerTexts };
      const applied = sliced ? drainSliced(declutterSteps(doc, target, always)).value : applyDeclutter(doc, target);
      return { applied, ...declutterResult(doc) };
    };
    const whole = run(false);
    expect(run(true)).toEqual(whole);
    if (scan0(html, url)) expect(whole.applied).toBe(true);
  });
});

/** Does the page have a live body element of its own (then the declutter applies). */
function scan0(html: string, url: string): boolean {
  return !!scanPage(parseDocument(html, url), url).body.holder;
}
