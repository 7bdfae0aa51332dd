import { formatCitation, setCslAssetLoader } from '../cite/index';
import { sendCStoBG } from '../shared/connector';
import { parts } from '../shared/parts';

/**
 * Injected on demand (src/shared/parts.ts): citation-js with the GB/T 7714 style for the reader's `c` key. The CSL
 * XML files are extension files that a content script may not fetch without making them web-accessible, so the
 * background reads them for us (`readerAsset`, limited to the csl/ folder).
 */
setCslAssetLoader((file) => sendCStoBG('readerAsset', { file }));
parts().cite ??= { gbt7714: (article, print) => formatCitation(article, 'gbt7714-numeric', { print }) };
