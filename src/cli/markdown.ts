import TurndownService from 'turndown';
import type { Article } from '../extract/article';

/**
 * Render an Article as Markdown with YAML front matter (turndown for the body).
 * Front-matter values are JSON-quoted strings, which YAML reads as the same strings.
 */
export function articleToMarkdown(a: Article): string {
  const fm: [string, unknown][] = [
    ['title', a.title],
    ['url', a.canonicalUrl ?? a.url],
    ['site', a.siteName],
    ['published', a.published],
    ['source', a.source],
    ['authors', a.authors],
    ['editors', a.editors],
    ['section', a.section],
  ];
  const yaml = fm
    .filter(([, v]) => v !== null && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  const body = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced' }).turndown(a.contentHtml || '');
  return `---\n${yaml}\n---\n\n# ${a.title}\n\n${body}\n`;
}
