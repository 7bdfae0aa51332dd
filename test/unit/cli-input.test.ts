import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, looksBinary, parseFileArgs } from '../../src/cli/extract';
import { main } from '../../src/cli/main';

describe('CLI input checks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qingdu-cli-'));

  it('refuses binary data that happens to contain HTML-like bytes', async () => {
    const f = join(dir, 'fake.png');
    writeFileSync(f, Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00<p>body</p>\x00', 'latin1'));
    await expect(extractFile({ file: f, url: null })).rejects.toThrow(/binary data/);
  });

  it('gives the size of a file over the limit in MB', async () => {
    const f = join(dir, 'huge.html');
    writeFileSync(f, '<p>x</p>');
    truncateSync(f, 70.25 * 1024 * 1024); // sparse: nothing is written
    await expect(extractFile({ file: f, url: null })).rejects.toThrow(/^too large \(70\.3 MB; the limit is 64 MB\)$/);
  });

  it('says an empty or blank file is empty (not "not an HTML document")', async () => {
    for (const [name, text] of [
      ['empty.html', ''],
      ['blank.html', ' \n\t\u3000\n'],
    ]) {
      const f = join(dir, name);
      writeFileSync(f, text);
      await expect(extractFile({ file: f, url: null })).rejects.toThrow(/^an empty file/);
    }
  });

  it('refuses a text that only quotes markup (a Markdown file mentioning <p>), not a page with a line before <html>', async () => {
    const md = join(dir, 'notes.md');
    writeFileSync(md, '# 说明\n\n正文写在 `<p><strong>…</strong></p>` 里，样式用 `<style>`。\n'.repeat(5));
    await expect(extractFile({ file: md, url: null })).rejects.toThrow(/starts with text, not markup/);
    const page = join(dir, 'warned.html');
    writeFileSync(
      page,
      `Warning: session_start() failed\n<html><head><title>标题</title></head><body><p>正文</p></body></html>`,
    );
    await expect(extractFile({ file: page, url: 'http://news.example.cn/1.html' })).resolves.toBeTruthy();
  });

  it('accepts UTF-16 pages with a byte order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><p>正文</p></html>', 'utf16le')]);
    expect(looksBinary(new Uint8Array(utf16))).toBe(false);
  });

  it('treats asked-for help as success and a missing command as an error', async () => {
    expect(await main(['--help'])).toBe(0);
    expect(await main(['extract', '--help'])).toBe(0);
    expect(await main([])).toBe(2);
    expect(await main(['nonsense'])).toBe(2);
  });
});

describe('CLI refuses what is not a readable page, with a reason', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qingdu-cli2-'));

  it('a FIFO is refused without blocking, a device and a directory too', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expect(extractFile({ file: fifo, url: null })).rejects.toThrow(/not a regular file/);
    await expect(extractFile({ file: '/dev/zero', url: null })).rejects.toThrow(/not a regular file/);
    await expect(extractFile({ file: dir, url: null })).rejects.toThrow(/directory/);
  });

  it('a page nested 20,000 deep gets a specific error, not a stack trace', async () => {
    const f = join(dir, 'deep.html');
    writeFileSync(f, `<html><body>${'<div>'.repeat(20000)}x${'</div>'.repeat(20000)}</body></html>`);
    await expect(extractFile({ file: f, url: null })).rejects.toThrow(/nested too deeply/);
  });

  it('UTF-16 without a BOM is decoded, and a meta declaring UTF-16 is read as UTF-8', async () => {
    const a = join(dir, 'u16.html');
    writeFileSync(
      a,
      Buffer.from('<html><head><title>标题测试</title></head><body><p>正文</p></body></html>', 'utf16le'),
    );
    expect((await extractFile({ file: a, url: null })).title).toBe('标题测试');
    const b = join(dir, 'm16.html');
    writeFileSync(b, '<html><head><meta charset="utf-16"><title>标题</title></head><body><p>正文</p></body></html>');
    expect((await extractFile({ file: b, url: null })).title).toBe('标题');
  });

  it('a javascript: canonical URL is not reported', async () => {
    const f = join(dir, 'canon.html');
    writeFileSync(
      f,
      '<html><head><link rel="canonical" href=" JaVa&#x09;script:alert(1)"><meta property="og:url" content="data:text/html,x"><title>t</title></head><body><p>正文</p></body></html>',
    );
    expect((await extractFile({ file: f, url: 'https://news.example.cn/a/1.html' })).canonicalUrl).toBeNull();
  });

  it('--url must be an absolute http(s) or file URL and given once per file', () => {
    expect(() => parseFileArgs(['a.html', '--url', 'javascript:alert(1)'], [])).toThrow(/http\(s\) or file URL/);
    expect(() => parseFileArgs(['a.html', '--url', 'not a url'], [])).toThrow(/absolute/);
    expect(() => parseFileArgs(['a.html', '--url', 'https://a.cn/1', '--url', 'https://a.cn/2'], [])).toThrow(/twice/);
    expect(parseFileArgs(['--', '--odd.html'], []).files[0].file).toBe('--odd.html');
  });

  it('cite refuses an access date that does not exist', async () => {
    expect(await main(['cite', 'test/fixtures/corpus/pages/gscn-1.html', '--accessed', '2026-13-45'])).toBe(2);
  });
});
