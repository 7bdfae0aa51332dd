import { extractArticle } from '../extract/index';
import { fetchFollowingPages } from './multipage';
import { parts } from '../shared/parts';

/**
 * Injected on demand (src/shared/parts.ts) when an Article has `nextPageUrl`: fetches the following pages from the
 * content script (same origin as the page, with its cookies) and extracts each with the same engine as the first page.
 */
parts().pages ??= {
  follow: (article, onPage) =>
    fetchFollowingPages(article, {
      fetch: (url, init) => fetch(url, init),
      parse: (html) => new DOMParser().parseFromString(html, 'text/html'),
      extract: extractArticle,
      onPage,
    }),
};
