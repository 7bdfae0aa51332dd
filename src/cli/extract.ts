import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeHtml } from '../extract/decode';
import { extractArticle, ARTICLE_FIELDS, type Article } from '../extract/index';
import { parseDocument } from './dom';

/** One input of a multi-file command: the path and the `--url` given right after it, if any. */
export interface FileArg {
  file: string;
  url: string | null;
}

/**
 * Parse `FILE... [--url URL] [--format F]`-style arguments. A `--url` applies to the file before it.
 * @throws Error with a usage message on an unknown flag or a flag without its value.
 */
export function parseFileArgs(argv: string[], flags: string[]): { files: FileArg[]; opts: Record<string, string> } {
  const files: FileArg[] = [];
  const opts: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split(/=(.*)/s, 2);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${key} needs a value`);
      if (key === 'url') {
        if (!files.length) throw new Error('--url must follow the file it applies to');
        files[files.length - 1].url = value;
      } else if (flags.includes(key)) opts[key] = value;
      else throw new Error(`unknown option --${key}`);
    } else files.push({ file: a, url: null });
  }
  return { files, opts };
}

/**
 * True when the bytes are binary (an image, a PDF, an archive): a NUL byte in the first 8 KB, the test `file(1)` and
 * git use. UTF-16 text, which has NUL bytes in every ASCII character, is recognised by its byte order mark.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.subarray(0, 8192).includes(0);
}

/** Read an HTML file, decode it as a browser would, and extract the Article. @throws Error naming the problem. */
export async function extractFile(arg: FileArg): Promise<Article> {
  const bytes = new Uint8Array(await readFile(arg.file));
  if (looksBinary(bytes)) throw new Error('not an HTML document (binary data: NUL bytes in the first 8 KB)');
  const { html } = decodeHtml(bytes);
  if (!/<(html|head|body|p|div|article|title)[\s>]/i.test(html.slice(0, 200_000)))
    throw new Error('not an HTML document (no html, head, body, title, div or p element)');
  const url = arg.url ?? pathToFileURL(resolve(arg.file)).href;
  return extractArticle(parseDocument(html, url), url);
}

function ordered(a: Article): Record<string, unknown> {
  return Object.fromEntries(ARTICLE_FIELDS.map((k) => [k, a[k]]));
}

/** `qingdu extract FILE... [--url URL] [--format json|markdown]`: one JSON line (or Markdown document) per file. */
export async function runExtract(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseFileArgs(argv, ['format']);
  } catch (e) {
    process.stderr.write(`qingdu extract: ${(e as Error).message}\n`);
    return 2;
  }
  const format = parsed.opts.format ?? 'json';
  if (format !== 'json' && format !== 'markdown') {
    process.stderr.write(`qingdu extract: --format must be json or markdown, not ${format}\n`);
    return 2;
  }
  if (!parsed.files.length) {
    process.stderr.write('qingdu extract: no input files\n');
    return 2;
  }
  let status = 0;
  for (const f of parsed.files) {
    try {
      const article = await extractFile(f);
      if (format === 'json') process.stdout.write(JSON.stringify(ordered(article)) + '\n');
      else process.stdout.write((await import('./markdown')).articleToMarkdown(article) + '\n');
    } catch (e) {
      const error = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message;
      process.stderr.write(`qingdu extract: ${f.file}: ${error}\n`);
      if (format === 'json') process.stdout.write(JSON.stringify({ file: f.file, error }) + '\n');
      status = 1;
    }
  }
  return status;
}
