import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Hostile and broken pages for test/e2e/hostile.test.ts. The static pages are templates in
 * test/fixtures/hostile/ whose tokens are expanded when served; the big ones (10 MB, 100,000 nodes, 10,000 deep) are
 * generated here at test time.
 *
 * Tokens: `{{P:id}}` a payload for an event-handler attribute (`this` = the element), `{{S:id}}` for a `<script>`,
 * `{{J:id}}` for a `javascript:` URL, `{{IMGX:id}}` an entity-escaped `<img onerror>` (for attribute values and
 * `<title>`), `{{HEAD}}` the page's own instruments, `{{ARTICLE}}` the article paragraphs (article.txt).
 *
 * A payload that runs reports where it ran: on the beacon URL (`/beacon/<id>/<where>`) and, unless it ran in the page
 * itself, in `data-qd-pwned` on its document's root. `where` is `ext` in an extension page (popup, notes), `reader`
 * on an element that is not in its document (inside the reader's shadow root, or a detached copy Qingdu made), `page`
 * in the page's own documents, frames included (the page running its own code, which is its business). A `javascript:` URL has no element, so it reports `reader` when it runs while the reader is open.
 */
export const HOSTILE_HOST = 'hostile.gscn.com.cn';

export interface HostileCase {
  name: string;
  /** Template in test/fixtures/hostile/, or a generator. */
  file?: string;
  build?: () => string;
  /** Content-Type charset header; none = the page's own `<meta charset>` decides. */
  charset?: string;
  /** Must the content script call it an article (true/false), or either (null: broken page, no right answer)? */
  article: boolean | null;
  /** The page is over a limit of src/content/limits.ts: not analysed, and the popup says why. */
  unreadable?: 'too-large' | 'too-deep';
}

const ARTICLE = readFileSync('test/fixtures/hostile/article.txt', 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l.length > 30)
  .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
  .join('\n');

/** The page's own instruments (installed before anything else): a ticking counter, long tasks, CSP violations. */
const HEAD = `<script>
(function(){var d=document.documentElement,n=0;setInterval(function(){d.setAttribute('data-tick',String(++n))},20);
var lt='';try{new PerformanceObserver(function(l){var es=l.getEntries();for(var i=0;i<es.length;i++){lt+=Math.round(es[i].startTime)+':'+Math.round(es[i].duration)+';'}d.setAttribute('data-longtasks',lt)}).observe({type:'longtask',buffered:true})}catch(e){}
document.addEventListener('securitypolicyviolation',function(e){d.setAttribute('data-csp',(d.getAttribute('data-csp')||'')+e.violatedDirective+' ')});})();
</script>`;

function payload(beacon: string, id: string, self: string, readerOpen = false): string {
  const inReader = readerOpen
    ? `!!document.getElementById('qingdu-reader')`
    : `(e?e.getRootNode:0)?e.getRootNode()!==document:false`;
  return (
    `(function(e){var r=${inReader};var w=location.protocol.indexOf('-extension')>0?'ext':r?'reader':'page';` +
    `if(w!=='page')document.documentElement.setAttribute('data-qd-pwned',w+'-${id}');new Image().src='${beacon}/${id}/'+w})(${self})`
  );
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Expand a template's tokens. */
export function expand(html: string, beacon: string): string {
  return html
    .replace(/\{\{HEAD\}\}/g, HEAD)
    .replace(/\{\{ARTICLE\}\}/g, ARTICLE)
    .replace(/\{\{P:([\w-]+)\}\}/g, (_, id: string) => payload(beacon, id, 'this'))
    .replace(/\{\{S:([\w-]+)\}\}/g, (_, id: string) => payload(beacon, id, 'document.currentScript'))
    .replace(/\{\{J:([\w-]+)\}\}/g, (_, id: string) => payload(beacon, id, 'null', true))
    .replace(/\{\{IMGX:([\w-]+)\}\}/g, (_, id: string) =>
      escapeHtml(`<img src=x onerror="${payload(beacon, id, 'this')}">`),
    );
}

const shell = (title: string, body: string, head = '') =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}_甘肃新闻_中国甘肃网</title>{{HEAD}}${head}</head><body>${body}</body></html>`;
const info = '<div class="info"><span class="m-frt">2020-03-15 10:13</span> 来源：中国甘肃网 编辑：刘宇非</div>';

/** A 10 MB article page: the article repeated (with payloads sprinkled in) until the file passes 10 MiB. */
function big10mb(): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 10 * 1024 * 1024; i++) {
    const chunk = `<div class="sec" id="s${i}"><h2>第${i + 1}节</h2>${ARTICLE}<p><img src="x${i}.png" onerror="{{P:big-img}}">图${i + 1}</p></div>\n`;
    parts.push(chunk);
    size += Buffer.byteLength(chunk);
  }
  return shell(
    '十兆字节的长页面',
    `<h1>十兆字节的长页面</h1>${info}<div class="a-container" id="content">${parts.join('')}</div>`,
  );
}

/** 100,000 elements: a channel list of 33,334 items (li > a + span). */
function nodes100k(): string {
  const items: string[] = [];
  for (let i = 0; i < 33_334; i++)
    items.push(
      `<li><a href="/system/2020/03/${String((i % 28) + 1).padStart(2, '0')}/${i}.shtml">社区新闻第${i}条</a><span>2020-03-15</span></li>`,
    );
  return shell('十万节点的列表页', `<h1>十万节点的列表页</h1><ul id="list">${items.join('')}</ul>`);
}

/** 10,000 nested `<div>`s in the markup (the HTML parser caps the depth; what is left is still a very deep tree). */
function deepMarkup(): string {
  return shell(
    '一万层嵌套的页面',
    `${'<div>'.repeat(10_000)}<h1>一万层嵌套的页面</h1>${info}<div class="a-container" id="content">${ARTICLE}</div>${'</div>'.repeat(10_000)}`,
  );
}

/**
 * 10,000 nested elements built by the page's script before the content script runs (no parser cap). The tree sits in a
 * `display: none` container: laid out, a 10,000-deep tree stalls Chromium's renderer for minutes by itself (seen with
 * the extension not running on the page), and this case is about our tree walks, not the browser's layout.
 */
function deepDom(): string {
  const script = `<script>document.addEventListener('DOMContentLoaded',function(){var c=document.getElementById('content'),p=c.parentNode,root=document.createElement('div'),cur=root;root.style.display='none';
for(var i=0;i<10000;i++){var d=document.createElement('div');cur.appendChild(d);cur=d}cur.appendChild(c);p.appendChild(root)});</script>`;
  return shell(
    '一万层DOM嵌套的页面',
    `<h1>一万层DOM嵌套的页面</h1>${info}<div class="a-container" id="content">${ARTICLE}</div>${script}`,
  );
}

export const CASES: HostileCase[] = [
  { name: 'xss-everywhere', file: 'xss-everywhere.html', article: true },
  { name: 'base-tricks', file: 'base-tricks.html', article: true },
  { name: 'css-escape', file: 'css-escape.html', article: true },
  { name: 'frameset', file: 'frameset.html', article: false },
  { name: 'iframes', file: 'iframes.html', article: false },
  { name: 'no-body', file: 'no-body.html', article: false },
  { name: 'charset-lie', file: 'charset-lie.html', article: null },
  { name: 'spa-rewrite', file: 'spa-rewrite.html', article: true },
  { name: 'prototype-override', file: 'prototype-override.html', article: true },
  { name: 'mutation-observer-throws', file: 'mutation-observer-throws.html', article: true },
  { name: 'big-10mb', build: big10mb, article: false, unreadable: 'too-large' },
  { name: 'nodes-100k', build: nodes100k, article: false, unreadable: 'too-large' },
  { name: 'deep-10k-markup', build: deepMarkup, article: false, unreadable: 'too-deep' },
  { name: 'deep-10k-dom', build: deepDom, article: false, unreadable: 'too-deep' },
];

export const caseUrl = (c: HostileCase, host = HOSTILE_HOST) => `http://${host}/hostile/${c.name}.html`;

/** One beacon request: which payload, and where it ran. */
export interface BeaconHit {
  id: string;
  where: string;
}

export interface HostileServer {
  port: number;
  hits: BeaconHit[];
  close(): Promise<void>;
}

/** Serve every case under /hostile/<name>.html and record beacon hits; anything else is 404. */
export async function serveHostile(beaconHost = HOSTILE_HOST): Promise<HostileServer> {
  const hits: BeaconHit[] = [];
  const cache = new Map<string, Buffer>();
  const beaconBase = `http://${beaconHost}/beacon`;
  const server: Server = createServer((req, res) => {
    // Firefox reaches us as its HTTP proxy (scripts/lib/browser.ts): the request line then carries the absolute URL.
    const path = (req.url ?? '').replace(/^https?:\/\/[^/]+/, '').split('?')[0];
    const beacon = /^\/beacon\/([\w-]+)\/(\w+)$/.exec(path);
    if (beacon) {
      hits.push({ id: beacon[1], where: beacon[2] });
      res.writeHead(204).end();
      return;
    }
    const c = CASES.find((k) => path === `/hostile/${k.name}.html`);
    if (!c) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let body = cache.get(c.name);
    if (!body) {
      const template = c.file ? readFileSync(`test/fixtures/hostile/${c.file}`, 'utf8') : c.build!();
      body = Buffer.from(expand(template, beaconBase), 'utf8');
      cache.set(c.name, body);
    }
    res.writeHead(200, { 'content-type': c.charset ? `text/html; charset=${c.charset}` : 'text/html' }).end(body);
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
