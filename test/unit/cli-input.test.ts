import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, looksBinary } from '../../src/cli/extract';
import { main } from '../../src/cli/main';

describe('CLI input checks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qingdu-cli-'));

  it('refuses binary data that happens to contain HTML-like bytes', async () => {
    const f = join(dir, 'fake.png');
    writeFileSync(f, Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00<p>body</p>\x00', 'latin1'));
    await expect(extractFile({ file: f, url: null })).rejects.toThrow(/binary data/);
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
