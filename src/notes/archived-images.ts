import { useEffect } from 'preact/hooks';
import { assetsOf } from './assets';
import { openNotesDb, type NotesDb } from './db';
import { archivableUrl } from './image-urls';
import type { Asset } from '../shared/notes-types';

/**
 * The archived copies of a note's images in the opened note (NoteView): each `<img>` of the rendered body whose source
 * has an Asset shows the stored blob through an object URL, so the note reads offline with its pictures; an image
 * with no archived copy keeps its remote URL in `data-qingdu-src` (loaded on click, sanitize.ts). The object URLs are
 * revoked when the note closes. Proven in real browsers with the page server stopped (test/e2e/offline.test.ts).
 */

let library: Promise<NotesDb> | undefined;
/** The notes page's read connection for assets (reopened when the browser or a newer schema closes it). */
export function libraryDb(): Promise<NotesDb> {
  library ??= openNotesDb(undefined, () => (library = undefined)).catch((e) => {
    library = undefined;
    throw e;
  });
  return library;
}

/**
 * Point the body's images at their archived copies. Returns the object URLs made (the caller revokes them).
 * `baseUrl` resolves relative sources the way the archive resolved them (image-urls.ts).
 */
export function showArchived(body: ParentNode, assets: readonly Asset[], baseUrl: string): string[] {
  const byUrl = new Map(assets.map((a) => [a.url, a]));
  const made: string[] = [];
  for (const img of Array.from(body.querySelectorAll<HTMLImageElement>('img[data-qingdu-src]'))) {
    const url = archivableUrl(img.dataset.qingduSrc ?? '', baseUrl);
    const asset = url ? byUrl.get(url) : undefined;
    if (!asset) continue;
    const objectUrl = URL.createObjectURL(asset.blob);
    made.push(objectUrl);
    img.src = objectUrl;
    img.dataset.qingduArchived = 'true';
  }
  return made;
}

/**
 * NoteView's hook: after the body `html` of note `noteId` is rendered, show its archived images; revoke them on
 * close. The body is found by the note's `data-note-id` (NoteView's article element), so NoteView needs no ref.
 */
export function useArchivedImages(noteId: string, baseUrl: string, html: string): void {
  useEffect(() => {
    let made: string[] = [];
    let closed = false;
    void (async () => {
      const assets = await assetsOf(await libraryDb(), noteId);
      const body = document.querySelector(`.note-view[data-note-id="${CSS.escape(noteId)}"] section.body`);
      if (closed || !body || assets.length === 0) return;
      made = showArchived(body, assets, baseUrl);
    })().catch((e) => console.warn('[qingdu] archived images not shown', e));
    return () => {
      closed = true;
      for (const u of made) URL.revokeObjectURL(u);
    };
  }, [noteId, baseUrl, html]);
}
