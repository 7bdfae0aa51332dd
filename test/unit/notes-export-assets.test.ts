import 'fake-indexeddb/auto';
import { Parser } from 'commonmark';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { allNotes, openNotesDb, type NotesDb } from '../../src/notes/db';
import {
  assetPaths,
  imageFileName,
  markdownLinkTarget,
  notDeviceName,
  packedImages,
  type PackedImage,
} from '../../src/notes/export-assets';
import { markdownZip, markdownZipAsync, toMarkdown } from '../../src/notes/export';
import { saveArticle } from '../../src/notes/write';
import type { Asset, Note } from '../../src/shared/notes-types';
import { corpusArticle, dbName } from './notes-helpers';
import { solidPng } from './solid-png';

// Image names of the kinds that broke other clippers' links: spaces, parentheses, #, %, ?, Chinese, a name taken twice
// (two folders' 1.jpg), no name at all, a type the URL does not say.
const IMG = {
  spaces: 'http://img.gscn.com.cn/2020/%E5%9B%BE%E7%89%87%20%E4%B8%80%20(1).png',
  marks: 'http://img.gscn.com.cn/2020/a%23b%25c%3Fd.png',
  one: 'http://img.gscn.com.cn/x/1.jpg',
  oneAgain: 'http://img.gscn.com.cn/y/1.jpg',
  bare: 'http://img.gscn.com.cn/getimage?id=7',
  gone: 'http://img.gscn.com.cn/not-archived (2).jpg',
};
const BODY =
  '<p>第一段</p>' +
  Object.entries(IMG)
    .map(([k, url]) => `<p><img src="${url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" alt="图 [${k}]"></p>`)
    .join('');
const png = solidPng(3, 2, [10, 200, 10]);

let db: NotesDb;
let notes: Note[];
beforeAll(async () => {
  db = await openNotesDb(dbName());
  for (const [file, url, title] of [
    ['corpus/pages/gscn-1.html', 'http://gansu.gscn.com.cn/system/2020/03/15/1.shtml', '齿轮厂社区 (上) #1 100% 真的?'],
    ['corpus/pages/people-1.html', 'http://people.com.cn/1', '第二篇'],
  ] as const) {
    const article = await corpusArticle(file, url);
    await saveArticle(db, { article: { ...article, title, contentHtml: BODY } });
  }
  notes = await allNotes(db);
  for (const n of notes)
    for (const [k, url] of Object.entries(IMG)) {
      if (k === 'gone') continue;
      const type = k === 'one' || k === 'oneAgain' ? 'image/jpeg' : 'image/png';
      const asset: Asset = {
        noteId: n.id,
        url,
        type,
        bytes: png.length,
        blob: new Blob([png as BlobPart]),
        fetchedAt: '',
      };
      await db.put('assets', asset);
    }
});

/** Every image destination in a Markdown text, as a CommonMark parser (the reference implementation) reads it. */
function imageDestinations(md: string): string[] {
  const walker = new Parser().parse(md).walker();
  const out: string[] = [];
  for (let e = walker.next(); e; e = walker.next())
    if (e.entering && e.node.type === 'image') out.push(e.node.destination!);
  return out;
}

describe('Markdown zip with assets/', () => {
  it('every image link of every note resolves to an entry of the zip, and the unarchived one keeps its URL', async () => {
    const zip = unzipSync(await markdownZipAsync(notes, 1, (id) => packedImages(db, id)));
    const mdFiles = Object.keys(zip).filter((f) => f.endsWith('.md'));
    expect(mdFiles.length).toBe(2);
    for (const f of mdFiles) {
      const targets = imageDestinations(strFromU8(zip[f]));
      expect(targets.length).toBe(Object.keys(IMG).length);
      const local = targets.filter((t) => !/^https?:/.test(t));
      expect(local.length).toBe(5);
      for (const t of local) {
        // A viewer resolves the link relative to the .md file and percent-decodes it into a file name.
        const entry = decodeURIComponent(t);
        expect(entry.startsWith(`assets/${f.replace(/\.md$/, '')}/`)).toBe(true);
        expect(zip[entry], `${f}: ${t} → ${entry}`).toEqual(png);
      }
      expect(targets.filter((t) => /^https?:/.test(t))).toEqual([encodeURI(IMG.gone)]);
    }
  });

  it('file names keep Chinese and the image’s own name, unique per zip', async () => {
    const zip = unzipSync(await markdownZipAsync(notes, 50, (id) => packedImages(db, id)));
    const first = Object.keys(zip)
      .find((f) => f.endsWith('.md') && f.includes('齿轮厂'))!
      .replace(/\.md$/, '');
    expect(first).toBe('2020-03-15 齿轮厂社区 (上) #1 100% 真的_');
    const assets = Object.keys(zip)
      .filter((f) => f.startsWith(`assets/${first}/`))
      .map((f) => f.slice(`assets/${first}/`.length))
      .sort();
    expect(assets).toEqual(['1 (2).jpg', '1.jpg', 'a#b%c_d.png', 'getimage.png', '图片 一 (1).png'].sort());
    expect(Object.keys(zip).filter((f) => f.startsWith('assets/')).length).toBe(10);
  });

  it('the sync and async zips are the same, and a note without archived images gives the Markdown as before', async () => {
    const images = new Map<string, PackedImage[]>();
    for (const n of notes) images.set(n.id, await packedImages(db, n.id));
    expect(unzipSync(markdownZip(notes, images))).toEqual(
      unzipSync(await markdownZipAsync(notes, 1, (id) => packedImages(db, id))),
    );
    const plain = unzipSync(markdownZip(notes));
    expect(Object.keys(plain).every((f) => f.endsWith('.md'))).toBe(true);
    expect(strFromU8(plain[Object.keys(plain)[0]])).toBe(
      toMarkdown(notes.find((n) => Object.keys(plain)[0].includes(n.article.title.slice(0, 3)))!),
    );
  });
});

describe('link targets and names', () => {
  it('percent-encodes what ends or changes a CommonMark destination and keeps Chinese', () => {
    const path = 'assets/2020 标题 (上)/a#b%c?d [1] <x>\u3000y.png';
    const target = markdownLinkTarget(path);
    expect(target).toBe('assets/2020%20标题%20%28上%29/a%23b%25c%3Fd%20%5B1%5D%20%3Cx%3E%E3%80%80y.png');
    expect(decodeURIComponent(target)).toBe(path);
    expect(imageDestinations(`![a](${target})`).map(decodeURIComponent)).toEqual([path]);
  });

  it('percent-encodes & so an entity-like name (x&copy;.png) links to exactly its zip entry', () => {
    for (const path of ['assets/n/x&copy;.png', 'assets/n/a&#38;b&amp;.png']) {
      const target = markdownLinkTarget(path);
      expect(decodeURIComponent(target)).toBe(path);
      expect(imageDestinations(`![a](${target})`).map(decodeURIComponent)).toEqual([path]);
    }
  });

  it('zip names: Windows device names get a suffix, NFC, no bidi controls, .md names unique ignoring case', () => {
    for (const [url, name] of [
      ['http://a.cn/CON.png', 'CON_.png'],
      ['http://a.cn/nul.png', 'nul_.png'],
      ['http://a.cn/com1.jpg', 'com1_.png'], // served as PNG: the type's extension
      ['http://a.cn/aux.PNG', 'aux_.PNG'],
      ['http://a.cn/lpt9', 'lpt9_.png'],
      ['http://a.cn/console.png', 'console.png'],
      ['http://a.cn/Cafe%CC%81.png', 'Caf\u00e9.png'],
      ['http://a.cn/a%E2%80%AEgnp.exe.png', 'agnp.exe.png'],
    ])
      expect(imageFileName(url, 'image/png'), url).toBe(name);
    const note = (id: string, title: string): Note => ({
      ...notes[0],
      id,
      article: { ...notes[0].article, title, published: '2020-01-01' },
    });
    const zip = unzipSync(
      markdownZip([
        note('1', 'iPhone 发布'),
        note('2', 'IPHONE 发布'),
        note('3', 'Caf\u00e9'),
        note('4', 'Cafe\u0301'),
        note('5', '\u202eCON\u2066'),
      ]),
    );
    expect(Object.keys(zip).sort()).toEqual(
      [
        '2020-01-01 iPhone 发布.md',
        '2020-01-01 IPHONE 发布 (2).md',
        '2020-01-01 Caf\u00e9.md',
        '2020-01-01 Caf\u00e9 (2).md',
        '2020-01-01 CON.md',
      ].sort(),
    );
    expect(notDeviceName('PRN')).toBe('PRN_');
    expect(notDeviceName('Com3.md')).toBe('Com3_.md');
  });

  it('names an image by its URL, its type when the URL has no extension, and never leaves a name empty', () => {
    expect(imageFileName('http://a.cn/%E5%9B%BE.PNG', 'image/png')).toBe('图.PNG');
    expect(imageFileName('http://a.cn/photo', 'image/webp')).toBe('photo.webp');
    // the stored type decides when the address says otherwise; .jpeg agrees with image/jpeg
    expect(imageFileName('http://a.cn/photo.jpg', 'image/png')).toBe('photo.png');
    expect(imageFileName('http://a.cn/photo.JPEG', 'image/jpeg')).toBe('photo.JPEG');
    expect(imageFileName('http://a.cn/photo.png', 'application/octet-stream')).toBe('photo.png');
    expect(imageFileName('http://a.cn/', 'image/jpeg')).toBe('image.jpg');
    expect(imageFileName('http://a.cn/%E0%A4%A.png', 'image/png')).toBe('image.png');
    expect(imageFileName('http://a.cn/a:b*c.gif', 'image/gif')).toBe('a_b_c.gif');
    const used = new Set<string>();
    const img = (url: string): PackedImage => ({ url, type: 'image/png', data: png });
    expect([...assetPaths('n', [img('http://a.cn/x/A.png'), img('http://a.cn/y/a.png')], used).values()]).toEqual([
      'assets/n/A.png',
      'assets/n/a (2).png',
    ]);
  });
});
