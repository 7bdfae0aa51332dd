import { t } from '../shared/i18n';
import { pageState } from '../content/page-state';
import { createReader } from './mount';

/**
 * The reader bundle, injected by the background on first use with `scripting.executeScript({files})` into the same
 * isolated world as the content script. It registers itself on the shared page state; the content script opens and
 * closes it (toggleReader message). Kept out of the content-script bundle so news pages do not load preact/DOMPurify
 * until the reader is wanted.
 */
const state = pageState();
state.reader ??= createReader(document, t, () => state.onReaderClosed?.());
