import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/cli/dom';
import { CASE_URL } from '../../src/cli/score';
import { EXTRACTION_FAILED, extractArticle, extractDetailed } from '../../src/extract/index';
import { CASES_DIR, CORPUS_DIR, KINDS_DIR, corpusLabels, fixtureHtml, labelUrl } from './engine-helpers';
import { PEER_DIR, PEER_URL } from './peer-util';

/**
 * Never throw on a page: seeded mutations of every fixture page (corpus, cases, Readability's peer pages, kinds):
 * elements removed, the `<body>` element removed, HTML truncated, `<body>` tags gone, closing tags dropped, attributes
 * garbled, nesting broken. Each goes through parseDocument and extractDetailed, which must give an Article (an article
 * or `isArticle: false`) and neither throw nor fall back on its final guard. The pages as they are run in the corpus,
 * cases, kinds and peer tests. Deterministic: one fixed seed; the kinds rotate over the pages. `FUZZ_PER_PAGE=n` tries
 * n mutations a page (default 2: about a minute of CPU on this two-core machine; a larger n is for hunting bugs).
 */

const SEED = 0x5eed15;
const PER_PAGE = Number(process.env.FUZZ_PER_PAGE ?? 2);

/** mulberry32: a small seeded PRNG, floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** A page to try: its HTML (decoded as the CLI decodes it) and the address it runs at. */
interface Page {
  name: string;
  html: string;
  url: string;
}

/** Every page of the four fixture folders, by folder. */
function allPages(): [string, Page[]][] {
  const folders: [string, Page[]][] = [];
  const corpus: Page[] = corpusLabels().map((l) => ({
    name: `corpus/${l.file}`,
    html: fixtureHtml(join(CORPUS_DIR, l.file)),
    url: labelUrl(l),
  }));
  folders.push(['corpus', corpus]);
  for (const [dir, label] of [
    [CASES_DIR, 'cases'],
    [KINDS_DIR, 'kinds'],
  ] as const) {
    const pages: Page[] = [];
    for (const f of readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .sort()) {
      const expected = join(dir, f.replace(/\.html$/, '.expected.json'));
      const url = existsSync(expected)
        ? ((JSON.parse(readFileSync(expected, 'utf8')) as { url?: string }).url ?? CASE_URL)
        : CASE_URL;
      pages.push({ name: `${label}/${f}`, html: fixtureHtml(join(dir, f)), url });
    }
    folders.push([label, pages]);
  }
  const peer = readdirSync(PEER_DIR)
    .sort()
    .filter((d) => existsSync(join(PEER_DIR, d, 'source.html')))
    .map((d) => ({ name: `peer/${d}`, html: readFileSync(join(PEER_DIR, d, 'source.html'), 'utf8'), url: PEER_URL }));
  folders.push(['peer', peer]);
  return folders;
}

/** A mutation of a page's HTML text, or of its parsed document (`dom`). */
interface Mutation {
  name: string;
  html?: (html: string, r: Rand) => string;
  dom?: (doc: Document, r: Rand) => void;
}

/** Offsets of the matches of `re` (global) in `s`. */
function matches(s: string, re: RegExp): RegExpExecArray[] {
  return [...s.matchAll(re)];
}

/** `s` with each match of `re` replaced by `f(match)` with probability `p`. */
function replaceSome(s: string, re: RegExp, p: number, r: Rand, f: (m: string) => string): string {
  return s.replace(re, (m) => (r() < p ? f(m) : m));
}

const JUNK = ['"', "'", '<', '>', '=', '&', '&#', '\u0000', '\ud800', '𠀀', '</', '/>', '"><', "' onload='", ' '];
const STRAY = [
  '</div>',
  '</td></tr></table>',
  '<table><tr>',
  '</html>',
  '<html>',
  '<body>',
  '</body><div>',
  '</p>',
  '<li>',
  '</ul></li>',
  '<head>',
  '</head>',
  '<!--',
  '<![CDATA[',
  '<script>',
  '</a>',
  '<h1>',
  '<frameset>',
];

const MUTATIONS: readonly Mutation[] = [
  {
    name: 'remove elements',
    dom: (doc, r) => {
      const els = [...doc.querySelectorAll('*')].filter((e) => e !== doc.documentElement);
      const n = 1 + Math.floor(r() * Math.max(1, els.length / 10));
      for (let i = 0; i < n; i++) pick(r, els).remove();
    },
  },
  { name: 'body element removed', dom: (doc) => doc.querySelector('body')?.remove() },
  { name: 'truncate', html: (h, r) => h.slice(0, Math.floor(r() * h.length)) },
  { name: 'no body tags', html: (h) => h.replace(/<\/?body\b[^>]*>/gi, '') },
  { name: 'unclosed tags', html: (h, r) => replaceSome(h, /<\/[a-z][a-z0-9]*\s*>/gi, 0.1 + r() * 0.6, r, () => '') },
  {
    name: 'garbled attributes',
    html: (h, r) =>
      replaceSome(h, /\s[a-z-]+=("[^"]*"|'[^']*'|[^\s>]+)/gi, 0.05 + r() * 0.3, r, (m) => {
        const at = Math.floor(r() * m.length);
        return m.slice(0, at) + pick(r, JUNK) + m.slice(at + 1);
      }),
  },
  {
    name: 'broken nesting',
    html: (h, r) => {
      const tags = matches(h, /<[^>]{1,200}>/g);
      let out = h;
      // From the end, so earlier offsets stay valid.
      for (const m of tags.filter(() => r() < 0.03).reverse())
        out = out.slice(0, m.index) + pick(r, STRAY) + out.slice(m.index);
      return out;
    },
  },
];

/**
 * Extract `html` at `url` (after `dom`, if given): null when it gives an Article, else the error (a throw, or the
 * not-an-article record extractDetailed's final guard makes of one: its reason names the error).
 */
function tryPage(html: string, url: string, dom?: (doc: Document) => void): unknown {
  try {
    const doc = parseDocument(html, url);
    dom?.(doc);
    const { article, detection } = extractDetailed(doc, url);
    if (typeof article?.isArticle !== 'boolean') return new Error('no Article record');
    const failed = detection.reasons.find((r) => r.startsWith(EXTRACTION_FAILED));
    return failed ? new Error(failed) : null;
  } catch (e) {
    return e;
  }
}

/** What the folders' runs tried and met, for the summary line. */
const tally = { pages: 0, mutations: 0, exceptions: 0, ms: new Map<string, number>() };

/** Try PER_PAGE mutations of each of a folder's pages: the failures, as `page (mutation): error`. */
function fuzzPages(pages: Page[], r: Rand): string[] {
  const failures: string[] = [];
  const describeError = (e: unknown) =>
    e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join(' | ') : String(e);
  pages.forEach((p, i) => {
    for (let k = 0; k < PER_PAGE; k++) {
      // Rotate the kinds over the pages, so every kind meets every folder.
      const m = MUTATIONS[(i * PER_PAGE + k + tally.pages) % MUTATIONS.length];
      const t0 = performance.now();
      const html = m.html ? m.html(p.html, r) : p.html;
      const seed = Math.floor(r() * 2 ** 32);
      const err = tryPage(html, p.url, m.dom && ((doc) => m.dom!(doc, prng(seed))));
      tally.ms.set(m.name, (tally.ms.get(m.name) ?? 0) + performance.now() - t0);
      tally.mutations++;
      if (err) failures.push(`${p.name} (${m.name}): ${describeError(err)}`);
    }
  });
  tally.pages += pages.length;
  tally.exceptions += failures.length;
  return failures;
}

describe('never throws on a page', () => {
  const r = prng(SEED);
  const folders = allPages();
  afterAll(() => {
    const ms = [...tally.ms].map(([k, v]) => `${k} ${Math.round(v / 1000)} s`).join(', ');
    console.log(`fuzz: ${tally.pages} pages, ${tally.mutations} mutations, ${tally.exceptions} exceptions (${ms})`);
  });
  for (const [folder, pages] of folders)
    it(`${folder}: ${pages.length} pages, ${PER_PAGE} seeded mutations of each`, { timeout: 300_000 }, () => {
      expect(pages.length).toBeGreaterThan(0);
      expect(fuzzPages(pages, r)).toEqual([]);
    });
});

/** A long English paragraph (Readability's path) and a URL for the shapes below. */
const EN = `<p>${'The river towns began rebuilding their old ferry landings this spring, the mayor said. '.repeat(8)}</p>`;
const AT = 'http://example.com/news/2024/ferry-landings';

describe('page shapes that threw', () => {
  // Readability walks up from its best paragraph to <body> and met a null parent when the paragraph sat beside it.
  it.each([
    [
      'content after </body>',
      `<html><head><title>t</title></head><body><a href="/">x</a></body><div>${EN}${EN}${EN}</div></html>`,
    ],
    ['no <body> tag', `<html><head><title>t</title></head><div>${EN}${EN}${EN}</div></html>`],
    [
      '<body> after an early </html>',
      `<html><head></html><title>t</title></head><body><div>${EN}${EN}${EN}</div></body></html>`,
    ],
    ['all one unclosed comment', `<!--<html><head><title>t</title></head><body>${EN}</body></html>`],
  ])('%s (parseDocument puts it in <body>, as a browser does)', (_, html) => {
    const doc = parseDocument(html, AT);
    expect(doc.documentElement.tagName).toBe('HTML');
    for (const el of doc.documentElement.children) expect(['HEAD', 'BODY']).toContain(el.tagName);
    expect(tryPage(html, AT)).toBeNull();
  });

  it('content a script appended to <html> (the live page: browser extensions put panels there)', () => {
    const doc = parseDocument('<html><head><title>t</title></head><body><a href="/">x</a></body></html>', AT);
    const panel = doc.createElement('div');
    for (let i = 0; i < 3; i++) panel.appendChild(parseDocument(EN, AT).querySelector('p')!);
    doc.documentElement.appendChild(panel);
    const { article: a, detection } = extractDetailed(doc, AT);
    expect(detection.reasons.join()).not.toContain(EXTRACTION_FAILED);
    expect(a.isArticle).toBe(true);
    expect(panel.parentNode).toBe(doc.documentElement); // the page itself is not changed
  });
});

describe('the final guard', () => {
  it('turns a throw inside the engine into a not-an-article record that names the error', () => {
    const doc = parseDocument(`<html><head><title>t</title></head><body>${EN}</body></html>`, AT);
    // A DOM method that fails (as a page's own script or a broken DOM can make it do).
    Object.defineProperty(doc, 'querySelectorAll', {
      value: () => {
        throw new TypeError('broken DOM');
      },
    });
    const { article, detection } = extractDetailed(doc, AT);
    expect(article.isArticle).toBe(false);
    expect(detection.reasons).toEqual([`${EXTRACTION_FAILED}: TypeError: broken DOM`]);
    expect(extractArticle(doc, AT).isArticle).toBe(false);
  });
});
