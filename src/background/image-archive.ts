import browser from 'webextension-polyfill';
import type { NotesDb } from '../notes/db';
import { archiveNoteImages } from '../notes/assets-write';
import { loadArchiveCaps, type ImageArchiveReport } from '../shared/image-archive';
import type { Note } from '../shared/notes-types';

/**
 * Where the archive fetches a saved article's images, and why here. The background fetches, with the extension's host
 * permissions: the manifest's news hosts (host_permissions, which cover their image subdomains such as
 * img.<site>) and the sites the user granted (optional_host_permissions, src/background/site-access.ts). Checked per
 * image with permissions.contains, so nothing is fetched from a host the user did not grant, and the URLs come only
 * from the article's own images (notes/image-urls.ts); a redirect to a host the article does not reference, or to one
 * without permission, is refused (notes/assets-write.ts fetchMissing, notes/image-fetch.ts says what was sent).
 * The alternatives lose images or rights:
 * - the content script fetches as the page (Chrome 85+ and Firefox MV3 apply the page's CORS), so images on the
 *   site's other hosts (img.<site>, a CDN) fail without Access-Control-Allow-Origin headers, which news image hosts
 *   do not send;
 * - reading the loaded <img> through a canvas fails the same way (a cross-origin image taints the canvas) and would
 *   re-encode the bytes;
 * - activeTab grants the tab, not a host: the background's fetch gets no CORS exemption from it, so on a page the
 *   user reached through activeTab only, images are reported as `noAccess` until the user grants the site (popup →
 *   站点权限), which is the site's own host permission.
 * Credentials as the page's <img> sends them (cookies included), no Referer (notes/image-fetch.ts says why).
 */

/** Does the extension hold a host permission for this URL's origin? */
async function mayFetch(url: string): Promise<boolean> {
  try {
    const u = new URL(url);
    return await browser.permissions.contains({ origins: [`${u.protocol}//${u.hostname}/*`] });
  } catch {
    return false;
  }
}

/** Archive the images of a note just saved (caps from storage.local); never throws. */
export async function archiveImages(db: NotesDb, note: Note): Promise<ImageArchiveReport> {
  const caps = await loadArchiveCaps(browser.storage.local);
  return archiveNoteImages(db, note, {
    caps,
    mayFetch,
    estimate: navigator.storage?.estimate ? () => navigator.storage.estimate() : undefined,
  });
}
