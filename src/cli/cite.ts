import { printEdition, type PrintEdition } from '../extract/print-edition';
import { extractFile, parseFileArgs } from './extract';
import { CITATION_STYLES, type CitationStyle } from '../cite/styles';

/**
 * `qingdu cite FILE... [--url URL] [--style S] [--accessed YYYY-MM-DD]`: one citation per input file, in input
 * order, numbered [1], [2]… for the numeric style; multi-line formats are separated by a blank line, and CSL-JSON is
 * one array of every file's item. Same code as
 * the popup (src/cite). Exit status 2 on bad arguments, 1 when any file failed (its error goes to stderr).
 */
export async function runCite(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseFileArgs(argv, ['style', 'accessed']);
  } catch (e) {
    process.stderr.write(`qingdu cite: ${(e as Error).message}\n`);
    return 2;
  }
  const style = (parsed.opts.style ?? 'gbt7714-numeric') as CitationStyle;
  if (!CITATION_STYLES.includes(style)) {
    process.stderr.write(`qingdu cite: --style must be one of ${CITATION_STYLES.join(', ')}, not ${style}\n`);
    return 2;
  }
  const accessed = parsed.opts.accessed ?? new Date();
  // The date must exist: 2026-13-45 matches the shape but would print as [2026-45].
  const realDate = (d: string) =>
    !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (
    typeof accessed === 'string' &&
    !(/^\d{4}-\d{2}-\d{2}$/.test(accessed) && realDate(accessed) && accessed >= '1000')
  ) {
    process.stderr.write(`qingdu cite: --accessed must be YYYY-MM-DD, not ${accessed}\n`);
    return 2;
  }
  if (!parsed.files.length) {
    process.stderr.write('qingdu cite: no input files\n');
    return 2;
  }
  const { formatCitation } = await import('../cite/index');
  const multiline = ['bibtex', 'ris', 'csl-json', 'metadata'].includes(style);
  let status = 0;
  let n = 0;
  const keys = new Set<string>(); // one key per entry over all files (BibTeX readers refuse a repeated key)
  const cslItems: unknown[] = [];
  for (const f of parsed.files) {
    try {
      let from = 'given';
      let print: PrintEdition | null = null;
      const article = await extractFile(f, {
        onAddress: (a) => (from = a.from),
        onDocument: (doc) => (print = printEdition(doc)),
      });
      // Still cited (the user asked for it), but a citation of a list page or a local file path is rarely meant.
      if (!article.isArticle) process.stderr.write(`qingdu cite: warning: ${f.file}: not detected as an article\n`);
      // (the address the page states for itself, canonical, og:url or saved-from, is cited like a given one)
      if (from === 'file' && !article.canonicalUrl)
        process.stderr.write(
          `qingdu cite: warning: ${f.file}: no --url and no address stated by the page, citing the file path\n`,
        );
      const text = await formatCitation(article, style, { accessed, number: n + 1, keys, print });
      // CSL-JSON is one array over all files (Zotero and citation-js read one JSON document)
      if (style === 'csl-json') cslItems.push(...(JSON.parse(text) as unknown[]));
      else process.stdout.write((multiline && n ? '\n' : '') + text + '\n');
      n++;
    } catch (e) {
      const error = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message;
      process.stderr.write(`qingdu cite: ${f.file}: ${error}\n`);
      status = 1;
    }
  }
  if (style === 'csl-json' && cslItems.length) process.stdout.write(JSON.stringify(cslItems, null, 2) + '\n');
  return status;
}
