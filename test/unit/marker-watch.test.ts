// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { scanPage } from '../../src/extract/index';
import { findClutterBlocks } from '../../src/extract/clutter';
import { CLUTTER_HEADINGS } from '../../src/extract/markers';
import { walkMarkers } from './marker-walk';
import { watchPage } from '../../src/content/marker-watch';

const URL = 'http://gansu.gscn.com.cn/system/2020/03/15/012339876.shtml';
const prose = (s: string) => `<p>${`${s}，这是正文的一句话，记者在现场看到了很多情况。`.repeat(8)}</p>`;

/**
 * The declutter runs a few tasks after page load's body pass; the page's own scripts may change the page in between
 * (widgets injected after load). PageWatch brings the pass's marker texts up to date, so the declutter hides what its
 * own walk of the page would (found by review of the single text pass; the walk is lazy-load.test.ts's).
 */
describe('page load marker texts, kept up to date by PageWatch', () => {
  it('match the walk after the page injects, changes, moves and removes markers', async () => {
    document.body.innerHTML = `<div id="body">${prose('第一段')}${prose('第二段')}</div><div id="w"></div>
      <div class="r"><p>加载中</p><a href="/x">链接</a></div><div class="s"><span>分享到</span><a href="#">微博</a></div>
      <div class="m"><span>相关新闻</span><a href="/y">一条</a></div><textarea></textarea><div class="c"><!--x--></div>`;
    const load = scanPage(document, URL);
    const watch = watchPage(document);
    expect(load.markerTexts.texts.map((t) => t.nodeValue)).toEqual(['分享到', '相关新闻']);
    // injected widget, a text turned into a marker, a marker moved into a textarea, a marker removed, a split text, a
    // comment whose text becomes a marker (a comment is no text the declutter reads)
    document.querySelector('#w')!.innerHTML =
      '<div class="rec"><h3>猜你喜欢</h3><ul><li><a href="/z">推荐一</a></li></ul></div>';
    document.querySelector('.r p')!.firstChild!.nodeValue = '精彩推荐';
    document.querySelector('textarea')!.appendChild(document.querySelector('.m span')!.firstChild!);
    document.querySelector('.s')!.remove();
    (document.querySelector('.c')!.firstChild as Comment).data = '猜你喜欢';
    const late = document.createElement('div');
    late.innerHTML = '<b>版权声明：本网所有内容</b>';
    document.querySelector('#body')!.before(late);
    await Promise.resolve(); // (records may reach the observer's callback first: both paths are used)
    document.querySelector('#w h3')!.insertAdjacentText('afterend', '');
    const now = watch.markerTexts(load.markerTexts);
    watch.stop();
    expect(now).not.toBeNull();
    expect(now!.texts).toEqual(walkMarkers(document));
    expect(now!.texts.map((t) => t.nodeValue)).toEqual(['版权声明：本网所有内容', '猜你喜欢', '精彩推荐']);
    const body = load.body.holder!;
    expect(findClutterBlocks(document, body, CLUTTER_HEADINGS, now)).toEqual(findClutterBlocks(document, body));
    // the pass's own texts alone would miss the changes
    expect(findClutterBlocks(document, body, CLUTTER_HEADINGS, load.markerTexts)).not.toEqual(
      findClutterBlocks(document, body),
    );
  });
  it('are given unchanged when the page did not change', () => {
    document.body.innerHTML = `<div id="body">${prose('第一段')}</div><div><span>分享到</span><a href="#">微博</a></div>`;
    const load = scanPage(document, URL);
    const watch = watchPage(document);
    expect(watch.markerTexts(load.markerTexts)).toBe(load.markerTexts);
    watch.stop();
  });
  it('give up (null: the declutter walks the text) after more changes than they are worth re-checking', async () => {
    document.body.innerHTML = `<div id="body">${prose('第一段')}</div><ul id="list"></ul>`;
    const load = scanPage(document, URL);
    const watch = watchPage(document);
    const list = document.querySelector('#list')!;
    for (let i = 0; i < 1500; i++) list.appendChild(document.createElement('li'));
    await Promise.resolve();
    for (let i = 0; i < 1500; i++) list.appendChild(document.createElement('li'));
    expect(watch.markerTexts(load.markerTexts)).toBeNull();
    watch.stop();
  });
  it('give up (null) when doc.body is no longer the element the pass read (a second <body> took its place)', () => {
    document.body.innerHTML = `<div id="body">${prose('第一段')}</div><div><span>分享到</span><a href="#">微博</a></div>`;
    const load = scanPage(document, URL);
    const other = document.createElement('body');
    const watch = watchPage(document);
    expect(watch.markerTexts({ root: other, texts: load.markerTexts.texts })).toBeNull();
    document.body.appendChild(document.createElement('p'));
    expect(watch.markerTexts({ root: other, texts: load.markerTexts.texts })).toBeNull();
    expect(watch.markerTexts(load.markerTexts)?.texts).toEqual(load.markerTexts.texts);
    watch.stop();
  });
});
