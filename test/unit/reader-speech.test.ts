// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { markSentences, pickVoice, splitSentences, SENTENCE_ATTR } from '../../src/reader/speech';
import { sanitizeBody } from '../../src/reader/body-html';

// Read aloud's sentence logic (src/reader/speech.ts); the player with real speechSynthesis events is tested in
// test/e2e/reader-speech.test.ts.
describe('sentences (speech.ts)', () => {
  it('splits after 。！？；… with closing quotes kept, and keeps a last sentence without an end', () => {
    expect(splitSentences('他说：“走吧。”我们走了！真的吗？是的；好……最后一句')).toEqual([
      '他说：“走吧。”',
      '我们走了！',
      '真的吗？',
      '是的；',
      '好……',
      '最后一句',
    ]);
    expect(splitSentences('  ')).toEqual([]);
  });

  it('marks every piece of a sentence across inline tags, never across blocks', () => {
    document.body.innerHTML =
      '<div class="qd-body"><h2>小标题</h2><p>第一句<strong>加粗。</strong>第二<a href="#">句</a>！</p><p>第三句</p></div>';
    const body = document.querySelector('.qd-body')!;
    expect(markSentences(body)).toEqual(['小标题', '第一句加粗。', '第二句！', '第三句']);
    const text = (i: number) =>
      Array.from(body.querySelectorAll(`[${SENTENCE_ATTR}="${i}"]`))
        .map((e) => e.textContent)
        .join('');
    expect([0, 1, 2, 3].map(text)).toEqual(['小标题', '第一句加粗。', '第二句！', '第三句']);
    expect(body.textContent).toBe('小标题第一句加粗。第二句！第三句');
  });

  it('picks the voice for the article language, then any Chinese voice, else none', () => {
    const v = (lang: string, localService = true) => ({ lang, localService, name: lang }) as SpeechSynthesisVoice;
    const voices = [v('en-US'), v('zh-CN'), v('zh-TW'), v('zh-HK')];
    expect(pickVoice(voices, 'zh-CN')?.lang).toBe('zh-CN');
    expect(pickVoice(voices, 'zh-TW')?.lang).toBe('zh-TW');
    expect(pickVoice(voices, 'zh-HK')?.lang).toBe('zh-HK');
    expect(pickVoice([v('en-US'), v('cmn')], 'zh-TW')?.lang).toBe('cmn');
    expect(pickVoice([v('en-US')], 'zh-CN')).toBeNull();
  });
});

describe('reader body structure (body-html.ts)', () => {
  it('splits <br><br> paragraphs and styles caption lines under an image', () => {
    // led by a heading: happy-dom's DOMParser drops a <p> right after `<body>` (seen with sanitizeBody on main too)
    const html = sanitizeBody(
      '<h2>标题</h2><p>第一段。<br><br>第二段，<br>同一段的第二行。<br> <br>第三段。</p><p><img src="http://x.cn/a.jpg"></p><p>▲ 图为会场。</p>',
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const ps = Array.from(doc.querySelectorAll('p')).map((p) => p.textContent);
    expect(ps).toEqual(['第一段。', '第二段，同一段的第二行。', '第三段。', '', '▲ 图为会场。']);
    expect(doc.querySelector('p:last-child')!.className).toBe('qd-caption');
  });
});
