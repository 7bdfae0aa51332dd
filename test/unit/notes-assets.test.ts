import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { allNotes, getRevision, openNotesDb, type NotesDb } from '../../src/notes/db';
import { assetsOf } from '../../src/notes/assets';
import { archiveNoteImages, assetBytes, type ArchiveEnv } from '../../src/notes/assets-write';
import { fetchImage, sniffImageType } from '../../src/notes/image-fetch';
import { articleImageUrls } from '../../src/notes/image-urls';
import { clearNotes, deleteNote, restoreNote, saveArticle } from '../../src/notes/write';
import { describeImageArchive, MB } from '../../src/shared/image-archive';
import { corpusArticle, dbName } from './notes-helpers';

// The image archive's write path (src/notes/assets-write.ts) on fake IndexedDB, with a fake network.
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1];
const bytes = (head: number[], size: number) => {
  const b = new Uint8Array(size);
  b.set(head);
  return b;
};

// gmw-peer: three body images on imgtech.gmw.cn, the logo on img.gmw.cn (the site's second image host).
const GMW_URL = 'http://tech.gmw.cn/2017-03/10/content_23937776.htm';
const article = () => corpusArticle('corpus/pages/gmw-peer.html', GMW_URL);

/** A fake network: every URL answers a JPEG of `size` bytes; records what was fetched. */
function env(size: number, patch: Partial<ArchiveEnv> = {}): ArchiveEnv & { fetched: string[] } {
  const fetched: string[] = [];
  return {
    fetched,
    caps: { perNoteMB: 20, totalMB: 500 },
    mayFetch: async (u) => new URL(u).hostname.endsWith('.gmw.cn'),
    fetchImage: async (u) => {
      fetched.push(u);
      return { ok: true, type: 'image/jpeg', blob: new Blob([bytes(JPEG, size) as BlobPart], { type: 'image/jpeg' }) };
    },
    ...patch,
  };
}

/** Everything in the library but the assets: what a refused or capped archive must leave unchanged. */
async function libraryState(db: NotesDb) {
  return { notes: await allNotes(db), search: await db.getAll('search'), revision: await getRevision(db) };
}

describe('which images an article references', () => {
  it('takes the body <img> sources and images[], absolute, distinct, http(s) only', async () => {
    const a = await article();
    const { urls } = articleImageUrls(a);
    expect(urls).toHaveLength(4);
    expect(urls.every((u) => /^https?:\/\/(imgtech|img)\.gmw\.cn\//.test(u))).toBe(true);
    const odd = articleImageUrls({
      url: 'http://a.example/x/page.html',
      contentHtml:
        '<p><img src="pic.jpg?a=1&amp;b=2"><img src="data:image/png;base64,AAAA"><img alt="" src="/pic.jpg?a=1&amp;b=2"></p>',
      images: [{ src: 'http://a.example/x/pic.jpg?a=1&b=2', alt: '', caption: '' }],
    });
    expect(odd.urls).toEqual(['http://a.example/x/pic.jpg?a=1&b=2', 'http://a.example/pic.jpg?a=1&b=2']);
    expect(odd.skipped).toBe(1);
  });
});

describe('checking a response is an image', () => {
  it('sniffs magic bytes, not the header', () => {
    expect(sniffImageType(bytes(PNG, 20), 'text/html')).toBe('image/png');
    expect(sniffImageType(bytes(JPEG, 20), 'image/png')).toBe('image/jpeg');
    const html = new TextEncoder().encode('<!doctype html><title>404</title>');
    expect(sniffImageType(html, 'image/jpeg')).toBeNull();
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml')).toBe(
      'image/svg+xml',
    );
  });

  it('refuses an HTML error page, a too large body, a redirect to another host, a slow host', async () => {
    const answer =
      (body: BodyInit, init: ResponseInit = {}) =>
      async () =>
        new Response(body, init);
    const page = await fetchImage('http://a.example/1.jpg', {
      fetch: answer('<html>gone</html>', { headers: { 'content-type': 'image/jpeg' } }),
    });
    expect(page).toEqual({ ok: false, reason: 'not-image' });
    const big = await fetchImage('http://a.example/1.jpg', {
      fetch: answer(bytes(JPEG, 2000) as BlobPart),
      maxBytes: 1000,
    });
    expect(big).toEqual({ ok: false, reason: 'too-big' });
    const moved = await fetchImage('http://a.example/1.jpg', {
      fetch: async () =>
        Object.defineProperties(new Response(bytes(JPEG, 50) as BlobPart), {
          redirected: { value: true },
          url: { value: 'http://tracker.example/1.jpg' },
        }),
      allowedFinal: (u) => new URL(u).hostname === 'a.example',
    });
    expect(moved).toEqual({ ok: false, reason: 'redirect' });
    const slow = await fetchImage('http://a.example/1.jpg', {
      timeoutMs: 50,
      fetch: (_u, init) =>
        new Promise((_ok, fail) => init!.signal!.addEventListener('abort', () => fail(init!.signal!.reason))),
    });
    expect(slow).toEqual({ ok: false, reason: 'timeout' });
    const good = await fetchImage('http://a.example/1.png', { fetch: answer(bytes(PNG, 64) as BlobPart) });
    expect(good.ok && good.type).toBe('image/png');
  });

  it('keeps SVG only when its first element is <svg, after a prolog (declaration, comments, doctype)', () => {
    const svg = (text: string) => sniffImageType(new TextEncoder().encode(text), 'image/svg+xml');
    expect(svg('<!-- x --><html><body><script>alert(1)</script>')).toBeNull();
    expect(
      svg('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>'),
    ).toBeNull();
    expect(svg('<!doctype html><html><body><svg></svg></body></html>')).toBeNull();
    expect(svg('<?xml version="1.0"?>\n<!-- made by hand -->')).toBeNull();
    expect(svg('<svgx/>')).toBeNull();
    const prolog =
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- Generator: Illustrator -->\n' +
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n' +
      '  <!ENTITY ns "http://www.w3.org/2000/svg">\n]>\n  <svg xmlns="http://www.w3.org/2000/svg"></svg>';
    expect(svg(prolog)).toBe('image/svg+xml');
    expect(svg('<svg>')).toBe('image/svg+xml');
  });

  it('keeps BMP only with a BITMAPFILEHEADER shape, not any body starting "BM"', () => {
    const text = new TextEncoder().encode('BMW news page <html>.....');
    expect(sniffImageType(text, 'image/bmp')).toBeNull();
    // A 1×1 24-bit BMP: 14-byte file header, 40-byte BITMAPINFOHEADER, 4 bytes of pixels (58 bytes).
    const bmp = new Uint8Array(58);
    const view = new DataView(bmp.buffer);
    bmp.set([0x42, 0x4d]);
    view.setUint32(2, 58, true);
    view.setUint32(10, 54, true);
    view.setUint32(14, 40, true);
    expect(sniffImageType(bmp, 'application/octet-stream')).toBe('image/bmp');
    view.setUint32(10, 20, true); // pixels inside the DIB header
    expect(sniffImageType(bmp, 'image/bmp')).toBeNull();
  });
});

describe('archiving a saved note', () => {
  it('stores every image once; a re-save fetches only the new ones', async () => {
    const db = await openNotesDb(dbName());
    const { note } = await saveArticle(db, { article: await article() });
    const e = env(40_000);
    const r = await archiveNoteImages(db, note, e);
    expect(r).toEqual({ total: 4, kept: 4, overCap: 0, failed: 0, noAccess: 0, quota: false });
    expect((await assetsOf(db, note.id)).map((a) => a.type)).toEqual(Array(4).fill('image/jpeg'));
    expect(await assetBytes(db)).toBe(160_000);
    const again = env(40_000);
    const { note: same } = await saveArticle(db, { article: await article() });
    expect(await archiveNoteImages(db, same, again)).toMatchObject({ total: 4, kept: 4 });
    expect(again.fetched).toEqual([]);
    db.close();
  });

  it('a per-note cap keeps what fits, reports the rest, and leaves the library otherwise unchanged', async () => {
    const db = await openNotesDb(dbName());
    const { note } = await saveArticle(db, { article: await article() });
    const before = await libraryState(db);
    const r = await archiveNoteImages(db, note, env(40_000, { caps: { perNoteMB: 100_000 / MB, totalMB: 500 } }));
    expect(r).toMatchObject({ total: 4, kept: 2, overCap: 2 });
    expect(await libraryState(db)).toEqual(before);
    const t = (k: string, s?: string | string[]) => (s === undefined ? ' | ' : `${k}(${[s].flat().join(',')})`);
    expect(describeImageArchive(r, t)).toBe('imagesArchived(2,4) | imagesOverCap(2)');
    db.close();
  });

  it('the total cap, the browser quota and missing host permissions stop it too', async () => {
    const db = await openNotesDb(dbName());
    const { note } = await saveArticle(db, { article: await article() });
    const full = env(40_000, { estimate: async () => ({ usage: 1000 * MB, quota: 1000 * MB }) });
    expect(await archiveNoteImages(db, note, full)).toMatchObject({ kept: 0, overCap: 4 });
    expect(full.fetched).toEqual([]);
    const total = env(40_000, { caps: { perNoteMB: 20, totalMB: 50_000 / MB } });
    expect(await archiveNoteImages(db, note, total)).toMatchObject({ kept: 1, overCap: 3 });
    const none = env(40_000, { mayFetch: async (u) => new URL(u).hostname === 'img.gmw.cn' });
    expect(await archiveNoteImages(db, note, none)).toMatchObject({ kept: 2, noAccess: 2 });
    db.close();
  });

  it('a write the browser refuses keeps the text and reports quota', async () => {
    const db = await openNotesDb(dbName());
    const { note } = await saveArticle(db, { article: await article() });
    const before = await libraryState(db);
    const refusing = new Proxy(db, {
      get(target, key) {
        if (key !== 'transaction') return Reflect.get(target, key);
        // Reads go through; the write transaction is refused the way a full disk refuses it.
        return (stores: string[], mode?: string) => {
          if (mode === 'readwrite') throw new DOMException('quota', 'QuotaExceededError');
          return target.transaction(stores, mode as 'readonly');
        };
      },
    });
    const r = await archiveNoteImages(refusing, note, env(40_000));
    expect(r).toMatchObject({ kept: 0, quota: true, overCap: 4 });
    expect(await libraryState(db)).toEqual(before);
    expect(await assetsOf(db, note.id)).toEqual([]);
    db.close();
  });

  it('refuses an image redirected to a host the article does not reference, or one without permission', async () => {
    const db = await openNotesDb(dbName());
    const { note } = await saveArticle(db, { article: await article() });
    const to: Record<string, string> = {};
    const [a, b, c] = articleImageUrls(note.article).urls;
    to[a] = 'http://evil.example/x.jpg'; // a third host
    to[b] = 'http://blocked.gmw.cn/x.jpg'; // the site's, but no permission held and not referenced
    to[c] = 'https://img.gmw.cn/logo.jpg'; // another image host the article references: kept
    const fake = async (u: RequestInfo | URL) =>
      Object.defineProperties(new Response(bytes(JPEG, 50) as BlobPart), {
        redirected: { value: u.toString() in to },
        url: { value: to[u.toString()] ?? u.toString() },
      });
    const e = env(50, {
      mayFetch: async (u) => new URL(u).hostname !== 'blocked.gmw.cn',
      fetchImage: (u, allowedFinal) => fetchImage(u, { fetch: fake, allowedFinal }),
    });
    expect(await archiveNoteImages(db, note, e)).toMatchObject({ total: 4, kept: 2, failed: 2 });
    expect((await assetsOf(db, note.id)).map((x) => x.url).sort()).toEqual(
      [c, articleImageUrls(note.article).urls[3]].sort(),
    );
    db.close();
  });

  it('two runs at once for one note, or for two notes, neither double-count bytes nor overshoot the total cap', async () => {
    const db = await openNotesDb(dbName());
    const { note } = await saveArticle(db, { article: await article() });
    const slow = (size: number, patch: Partial<ArchiveEnv> = {}) =>
      env(size, {
        fetchImage: async () => {
          await new Promise((r) => setTimeout(r, 20));
          return { ok: true, type: 'image/jpeg', blob: new Blob([bytes(JPEG, size) as BlobPart]) };
        },
        ...patch,
      });
    await Promise.all([archiveNoteImages(db, note, slow(1000)), archiveNoteImages(db, note, slow(1000))]);
    const stored = async (d: NotesDb) =>
      (await d.getAll('assets')).reduce((n, x) => n + (x as { bytes: number }).bytes, 0);
    expect(await db.count('assets')).toBe(4);
    expect(await assetBytes(db)).toBe(4000);
    expect(await stored(db)).toBe(4000);
    db.close();
    // Two notes, 4 KB wanted each, 5 KB allowed in all.
    const db2 = await openNotesDb(dbName());
    const n1 = (await saveArticle(db2, { article: await article() })).note;
    const second = { ...(await article()), url: `${GMW_URL}?p=2`, canonicalUrl: null };
    const n2 = (await saveArticle(db2, { article: second })).note;
    expect(n2.id).not.toBe(n1.id);
    const capped = { caps: { perNoteMB: 20, totalMB: 5000 / MB } };
    await Promise.all([archiveNoteImages(db2, n1, slow(1000, capped)), archiveNoteImages(db2, n2, slow(1000, capped))]);
    expect(await stored(db2)).toBe(5000);
    expect(await assetBytes(db2)).toBe(5000);
    db2.close();
  });

  it('the write counts what is stored: an image stored meanwhile by another context is not counted twice', async () => {
    const db = await openNotesDb(dbName());
    const { note } = await saveArticle(db, { article: await article() });
    const [first] = articleImageUrls(note.article).urls;
    const e = env(1000, {
      fetchImage: async (u) => {
        // Another context (a second extension page) archives the first image while this run fetches.
        if (u === first) {
          const asset = {
            noteId: note.id,
            url: u,
            type: 'image/jpeg',
            bytes: 1000,
            blob: new Blob(['x']),
            fetchedAt: '',
          };
          const tx = db.transaction(['assets', 'meta'], 'readwrite');
          await tx.objectStore('assets').put(asset);
          await tx.objectStore('meta').put(1000, 'assetBytes');
          await tx.done;
        }
        return { ok: true, type: 'image/jpeg', blob: new Blob([bytes(JPEG, 1000) as BlobPart]) };
      },
    });
    expect(await archiveNoteImages(db, note, e)).toMatchObject({ kept: 4, overCap: 0 });
    expect(await db.count('assets')).toBe(4);
    expect(await assetBytes(db)).toBe(4000);
    db.close();
  });

  it('deleting a note deletes its images; undo and clear follow', async () => {
    const db = await openNotesDb(dbName());
    const { note } = await saveArticle(db, { article: await article() });
    await archiveNoteImages(db, note, env(1000));
    await deleteNote(db, note.id);
    expect(await db.count('assets')).toBe(0);
    expect(await assetBytes(db)).toBe(0);
    await restoreNote(db, note);
    expect(await db.count('assets')).toBe(4);
    expect(await assetBytes(db)).toBe(4000);
    await clearNotes(db);
    expect(await db.count('assets')).toBe(0);
    expect(await assetBytes(db)).toBe(0);
    db.close();
  });
});
