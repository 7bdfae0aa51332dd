import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { pageState } from '../shared/page-state';
import { loadReaderPrefs, saveReaderPrefs } from '../shared/reader-prefs';
import { sendCStoBG } from '../shared/connector';
import { notesValue } from '../shared/notes-client';
import { withImageLine } from '../shared/image-archive';
import { createReader } from './mount';
import { printEdition } from '../extract/print-edition';
import { loadPart } from '../shared/parts';

/**
 * The reader bundle, injected by the background on first use with `scripting.executeScript({files})` into the same
 * isolated world as the content script. It registers itself on the shared page state; the content script opens and
 * closes it (toggleReader message). Kept out of the content-script bundle so news pages do not load preact/DOMPurify
 * until the reader is wanted. OpenCC, citation-js and the
 * multi-page merge (with its own extraction engine) are loaded later still, on first use (src/shared/parts.ts).
 */
performance.mark('qingdu:reader-injected');
const state = pageState();
const storage = browser.storage.local;
// Start reading the prefs now: the toggleReader message arrives right after injection.
let prefs = loadReaderPrefs(storage);

state.reader ??= createReader(document, t, () => state.onReaderClosed?.(), {
  prefs: () => prefs,
  services: {
    savePrefs: (p) => {
      prefs = Promise.resolve(p);
      saveReaderPrefs(storage, p).catch((e) => console.warn('[qingdu] reader prefs not saved', e));
    },
    save: async (article) => {
      // with the print edition (版次) the page credits, which the note keeps for its citations
      const r = notesValue(await sendCStoBG('notesSave', { article, print: printEdition(document) }));
      return withImageLine(t(r.status === 'created' ? 'readerSaved' : 'readerSaveUpdated'), r.images, t);
    },
    // a reprint's print edition (版次) is read from the page, beside the Article: cited as the printed article
    cite: async (article) => (await loadPart('cite')).gbt7714(article, printEdition(document)),
    converter: async (dir) => (await loadPart('opencc'))[dir],
    followPages: async (article, onPage) => (await loadPart('pages')).follow(article, onPage),
    painted: () => performance.mark('qingdu:reader-painted'),
    highlights: {
      load: async (article) => notesValue(await sendCStoBG('notesAnnotations', { article })),
      add: async (article, annotation) => {
        const r = notesValue(await sendCStoBG('annotationAdd', { article, annotation, print: printEdition(document) }));
        return { noteId: r.note.id, annotations: r.note.annotations ?? [], annotation: r.annotation, status: r.status };
      },
      edit: async (noteId, id, patch) =>
        notesValue(await sendCStoBG('annotationEdit', { noteId, id, ...patch })).annotations ?? [],
      remove: async (noteId, id) => notesValue(await sendCStoBG('annotationRemove', { noteId, id })).annotations ?? [],
    },
  },
});
