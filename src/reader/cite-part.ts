import { formatCitation, setCslAssetLoader } from '../cite/index';
import { send } from '../shared/connector';
import { parts } from './parts';

/**
 * Injected on demand (see parts.ts): citation-js with the GB/T 7714 style for the reader's `c` key. The CSL XML files
 * are extension files that a content script may not fetch without making them web-accessible, so the background
 * reads them for us (`readerAsset`, limited to the csl/ folder).
 */
setCslAssetLoader((file) => send('readerAsset', { file }));
parts().cite ??= { gbt7714: (article) => formatCitation(article, 'gbt7714-numeric') };
