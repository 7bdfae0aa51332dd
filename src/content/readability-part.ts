import { Readability } from '@mozilla/readability';
import { parts } from '../shared/parts';

/**
 * Injected on demand (src/shared/parts.ts loadPart) into the tab's isolated world when the content script meets a page
 * whose body only Readability finds (not CJK, or no candidate: extract/scan.ts PageScan.needsReadability). The content script's
 * own file leaves the library out, so the pages that do not need it (nearly all Chinese news pages) do not compile it.
 */
parts().readability ??= { Readability };
