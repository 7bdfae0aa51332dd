// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  contentScriptHosts,
  parseLabelLine,
  readDeclutterLabels,
  routeOf,
  runsByItself,
  servedAddresses,
  STAND_IN_ADDRESSES,
} from '../../scripts/lib/declutter-labels';
import {
  failedPage,
  judgeClutter,
  judgeKeep,
  pageLine,
  articleLine,
  summaryLine,
  tally,
  uncountedLine,
  type PageResult,
} from '../../scripts/lib/declutter-score';
import { parseOptions } from '../../scripts/lib/declutter-options';
import { findTextHits, pageCall } from '../../scripts/lib/text-visibility';

// The pure parts of `npm run eval:declutter` (scripts/eval-declutter.ts); the browser part is
// test/e2e/eval-declutter.test.ts.

const CORPUS = 'test/fixtures/corpus';

describe('declutter labels', () => {
  it('reads clutter, and keep = keep + keep_site + body_first + body_last', () => {
    const l = parseLabelLine(
      JSON.stringify({
        file: 'pages/x-1.html',
        url: null,
        encoding: 'gb18030',
        is_article: true,
        clutter: ['分享到', ' '],
        keep: ['标题'],
        keep_site: ['首页', '版权所有'],
        body_first: '第一段',
        body_last: null,
      }),
    );
    expect(l).toEqual({
      name: 'x-1',
      file: 'pages/x-1.html',
      url: null,
      encoding: 'gb18030',
      isArticle: true,
      clutter: ['分享到'],
      keep: ['标题', '首页', '版权所有', '第一段'],
    });
  });

  it('gives every corpus page one address of its own, a stand-in only where the label has none', () => {
    const labels = readDeclutterLabels(CORPUS);
    expect(labels.length).toBeGreaterThanOrEqual(55);
    const addresses = servedAddresses(labels);
    const routes = labels.map((l) => routeOf(addresses.get(l.name)!));
    expect(new Set(routes).size).toBe(labels.length);
    expect(Object.keys(STAND_IN_ADDRESSES).sort()).toEqual(
      labels
        .filter((l) => !l.url)
        .map((l) => l.name)
        .sort(),
    );
    // gscn-1 and gscn-2 are labelled with one address: the second is told apart by a query
    expect(addresses.get('gscn-2')).toBe(`${addresses.get('gscn-1')}?qingdu-page=gscn-2`);
    expect(addresses.get('163-1')).toBe('https://money.163.com/19/0907/13/EOFOC8MJ00258105.html');
  });

  it('knows where the content script runs by itself (manifest content_scripts matches)', () => {
    const hosts = contentScriptHosts();
    expect(runsByItself('https://news.163.com/19/x.html', hosts)).toBe(true);
    expect(runsByItself('http://gansu.gscn.com.cn/system/x.shtml', hosts)).toBe(true);
    expect(runsByItself('http://baijiahao.baidu.com/s?id=1', hosts)).toBe(true);
    expect(runsByItself('https://tieba.baidu.com/f?kw=1', hosts)).toBe(false);
    expect(runsByItself('http://www.not163.com/', hosts)).toBe(false);
  });
});

describe('visibility bookkeeping', () => {
  it('a clutter string is hidden when every occurrence visible before is hidden after', () => {
    expect(judgeClutter([true], [false])).toBe('hidden');
    expect(judgeClutter([true, true], [false, true])).toBe('shown');
    // an occurrence that was never visible does not count either way
    expect(judgeClutter([false, true], [true, false])).toBe('hidden');
    expect(judgeClutter([false], [false])).toBe('unseen');
    expect(judgeClutter([], [])).toBe('absent');
  });

  it('a string to keep is kept when one occurrence visible before is still visible after', () => {
    expect(judgeKeep([true, true], [false, true])).toBe('kept');
    expect(judgeKeep([true, false], [false, true])).toBe('hidden');
    expect(judgeKeep([true], [])).toBe('hidden');
    expect(judgeKeep([false], [true])).toBe('unseen');
    expect(judgeKeep([], [])).toBe('absent');
  });

  const page = (name: string, clutter: PageResult['clutter'], keep: PageResult['keep'], notes: string[] = []) => ({
    name,
    clutter,
    keep,
    notes,
  });
  const pages: PageResult[] = [
    page(
      '163-1',
      [
        { text: '分享到：', verdict: 'hidden' },
        { text: '跟贴', verdict: 'shown' },
        { text: '返回顶部', verdict: 'unseen' },
      ],
      [
        { text: '标题', verdict: 'kept' },
        { text: '责任编辑：某', verdict: 'hidden' },
      ],
      ['https'],
    ),
    page('gscn-1', [{ text: '精彩推荐', verdict: 'hidden' }], [{ text: '标题', verdict: 'kept' }]),
    failedPage('x-1', ['推荐'], ['标题'], 'timeout'),
  ];

  it('prints one line per page', () => {
    expect(pages.map(pageLine)).toEqual([
      '163-1  clutter 1/2  keep 1/2  [not hidden: 跟贴]  [kept-hidden: 责任编辑：某]  [unseen: 返回顶部]  (https)',
      'gscn-1  clutter 1/1  keep 1/1',
      'x-1  clutter 0/1  keep 0/1  [failed: timeout]',
    ]);
  });

  it('ends with the summary line; strings not visible before are not counted, failed pages are', () => {
    expect(tally(pages)).toEqual({ hidden: 2, clutter: 4, kept: 2, keep: 4, pagesWithKeptHidden: 2 });
    expect(summaryLine(pages)).toBe(
      'declutter: clutter hidden 2/4  kept visible 2/4  pages with a kept string hidden 2',
    );
    expect(uncountedLine(pages)).toBe(
      'not counted: clutter unseen 1 absent 0, keep unseen 0 absent 0; pages failed 1 (x-1)',
    );
  });

  it('counts the pages taken for articles apart (a page noted `no article` is left alone by design)', () => {
    const list = page('163-10', [{ text: '新闻排行', verdict: 'shown' }], [], ['no article']);
    expect(articleLine([...pages, list])).toBe(
      'on articles: clutter hidden 2/4  kept visible 2/4  pages with a kept string hidden 2',
    );
    expect(summaryLine([...pages, list])).toBe(
      'declutter: clutter hidden 2/5  kept visible 2/4  pages with a kept string hidden 2',
    );
  });
});

describe('options', () => {
  it('reads the flags and refuses unknown ones', () => {
    expect(parseOptions(['--generic', '--no-build', '--pages', 'a,b', '--shots', 'out'])).toEqual({
      generic: true,
      build: false,
      pages: ['a', 'b'],
      shots: 'out',
      pageScripts: false,
    });
    expect(parseOptions([]).shots).toBe('test-results/declutter');
    expect(() => parseOptions(['--pages'])).toThrow('--pages needs a value');
    expect(() => parseOptions(['--fast'])).toThrow('unknown option --fast');
  });
});

describe('findTextHits (in the page)', () => {
  it('finds every occurrence, across elements and whitespace, and asks the element holding it', () => {
    document.body.innerHTML = `
      <p>责任编辑：<span>张 迪</span></p>
      <div style="display:none"><b>相关新闻</b></div>
      <div><i>相关新闻</i></div>
      <script>var s = '相关新闻';</script>
      <div style="opacity:0">热门推荐</div>`;
    const [editor, related, hot, missing] = findTextHits(['责任编辑： 张迪', '相关新闻', '热门推荐', '不在页面上']);
    expect(editor.map((h) => h.visible)).toEqual([true]);
    expect(related.map((h) => h.visible)).toEqual([false, true]);
    expect(hot.map((h) => h.visible)).toEqual([false]);
    expect(missing).toEqual([]);
  });

  it('pageCall gives source that runs the function with its arguments', () => {
    expect(eval(pageCall((a: number, b: string) => `${a}${b}`, 1, 'x'))).toBe('1x');
  });
});
