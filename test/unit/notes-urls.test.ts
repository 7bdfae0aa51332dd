// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import { ImportError, isWebUrl, parseNotesExport } from '../../src/notes/import';
import { NoteView } from '../../src/notes/NoteView';
import type { Note } from '../../src/shared/notes-types';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: (k: string) => k } } }));

const at = '2026-01-01T00:00:00.000Z';
function note(canonicalUrl: string, url = 'https://example.com/a', articleCanonical: string | null = null): Note {
  return {
    id: 'n1',
    canonicalUrl,
    site: 'example.com',
    accessedAt: at,
    textSha256: 'a'.repeat(64),
    note: '',
    tags: [],
    quotes: [],
    createdAt: at,
    updatedAt: at,
    article: {
      isArticle: true,
      confidence: 1,
      url,
      canonicalUrl: articleCanonical,
      siteName: null,
      title: 'T',
      published: null,
      source: null,
      authors: [],
      editors: [],
      section: [],
      lang: 'zh-CN',
      excerpt: '',
      contentHtml: '<p>正文</p>',
      textContent: '正文',
      charCount: 2,
      readingMinutes: 1,
      images: [],
      rule: 'generic',
      nextPageUrl: null,
    },
  };
}
const file = (...notes: Note[]) => JSON.stringify({ format: 'qingdu-notes', version: 1, notes });

describe('note URLs', () => {
  it('isWebUrl accepts http(s) only', () => {
    expect(isWebUrl('https://a.cn/x')).toBe(true);
    expect(isWebUrl('http://a.cn/x')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,x',
      'file:///tmp/a.html',
      '/rel',
      '',
    ])
      expect(isWebUrl(bad)).toBe(false);
  });

  it('import accepts a note with web addresses', () => {
    expect(
      parseNotesExport(file(note('https://example.com/a', 'http://example.com/a', 'https://example.com/a'))),
    ).toHaveLength(1);
  });

  const bad: [string, Note][] = [
    ['canonicalUrl', note('javascript:alert(1)')],
    ['article.url', note('https://example.com/a', 'data:text/html,<script>1</script>')],
    ['article.canonicalUrl', note('https://example.com/a', 'https://example.com/a', 'javascript:alert(1)')],
  ];
  for (const [field, n] of bad)
    it(`import refuses a note whose ${field} is not http(s), with its own message key`, () => {
      let error: unknown;
      try {
        parseNotesExport(file(note('https://example.com/ok'), n));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).key).toBe('importNoteUrl');
      expect((error as ImportError).subs).toEqual(['2', field]);
      expect((error as Error).message).toMatch(/第 2 条笔记的 .* 不是 http\(s\) 网址/);
    });

  it('the notes page links a web canonicalUrl and shows any other scheme as plain text', () => {
    const root = document.createElement('div');
    const props = {
      onSave: async () => undefined,
      onDelete: () => undefined,
      onExportMarkdown: () => undefined,
      onClose: () => undefined,
    };
    render(h(NoteView, { note: note('https://example.com/a'), ...props }), root);
    expect(root.querySelector('a[href="https://example.com/a"]')).not.toBeNull();
    render(null, root);
    render(h(NoteView, { note: note('javascript:alert(1)'), ...props }), root);
    expect(root.querySelector('a[href^="javascript"]')).toBeNull();
    expect(root.textContent).toContain('javascript:alert(1)');
    render(null, root);
  });
});
