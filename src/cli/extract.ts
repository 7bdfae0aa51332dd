import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeHtml, sniffUtf16 } from '../extract/decode';
import { extractArticle, ARTICLE_FIELDS, type Article } from '../extract/index';
import { statedAddress, type PageAddress } from './address';
import { parseDocument, setDocumentUrl } from './dom';

/** One input of a multi-file command: the path and the `--url` given right after it, if any. */
export interface FileArg {
  file: string;
  url: string | null;
}

/** Largest input read, in bytes: far above any real page (the corpus maximum is 0.9 MB), below memory trouble. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** A size for a message: `70.2 MB` (MiB, one decimal; whole numbers without it). */
const megabytes = (bytes: number): string => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

/**
 * Check a `--url` value: an absolute http(s) or file URL, returned normalised.
 * @throws Error naming the value otherwise (a relative path, `javascript:`, `data:` …).
 */
export function checkUrl(value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new Error(`--url must be an absolute http(s) URL, not ${JSON.stringify(value)}`);
  }
  if (!['http:', 'https:', 'file:'].includes(u.protocol))
    throw new Error(`--url must be an http(s) or file URL, not ${u.protocol}`);
  return u.href;
}

/**
 * Parse `FILE... [--url URL] [--format F] [--generic]`-style arguments. A `--url` applies to the file before it; `--`
 * ends the options (for file names that start with `--`). `flags` take a value; `switches` take none and read `'true'`.
 * @throws Error with a usage message on an unknown flag, a flag without its value, a bad or repeated `--url`.
 */
export function parseFileArgs(
  argv: string[],
  flags: string[],
  switches: string[] = [],
): { files: FileArg[]; opts: Record<string, string> } {
  const files: FileArg[] = [];
  const opts: Record<string, string> = {};
  let optionsDone = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--' && !optionsDone) optionsDone = true;
    else if (a.startsWith('--') && !optionsDone) {
      const [key, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (switches.includes(key) && inline === undefined) {
        opts[key] = 'true';
        continue;
      }
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${key} needs a value`);
      if (key === 'url') {
        if (!files.length) throw new Error('--url must follow the file it applies to');
        const last = files[files.length - 1];
        if (last.url !== null) throw new Error(`--url given twice for ${last.file}`);
        last.url = checkUrl(value);
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
  if (sniffUtf16(bytes)) return false;
  return bytes.subarray(0, 8192).includes(0);
}

/** How `extractFile` runs. */
export interface ExtractFileOptions {
  /** Run without any site rule (`--generic`). */
  generic?: boolean;
  /** Told the address extraction runs with and where it came from (`--verbose`). */
  onAddress?: (address: PageAddress) => void;
  /** Given the parsed page before extraction (to read what lies beside the Article, e.g. its print edition). */
  onDocument?: (doc: Document) => void;
}

/** How far into a file its html, head or body tag is looked for when the file does not start with markup. */
const HEAD_BYTES = 2048;

/**
 * Read an HTML file, decode it as a browser would, and extract the Article at the page's address: `arg.url` when
 * given, else the address the page states (canonical, og:url, a saved-from comment: address.ts), else the file's URL.
 * @throws Error naming the problem.
 */
export async function extractFile(arg: FileArg, options: ExtractFileOptions = {}): Promise<Article> {
  const bytes = await readInput(arg.file);
  if (looksBinary(bytes)) throw new Error('not an HTML document (binary data: NUL bytes in the first 8 KB)');
  const { html } = decodeHtml(bytes);
  if (!/\S/.test(html)) throw new Error('an empty file (no bytes, or only white space)');
  if (!/<(html|head|body|p|div|article|title)[\s>]/i.test(html))
    throw new Error('not an HTML document (no html, head, body, title, div or p element)');
  // a text that only quotes markup (a Markdown file mentioning `<p>`): HTML starts with markup, or has its html, head
  // or body tag near the top
  if (!/^[\s\uFEFF]*</.test(html) && !/<(html|head|body)[\s>]/i.test(html.slice(0, HEAD_BYTES)))
    throw new Error('not an HTML document (it starts with text, not markup)');
  try {
    const doc = parseDocument(html, '');
    const address: PageAddress = arg.url
      ? { url: arg.url, from: 'given' }
      : (statedAddress(html, doc) ?? { url: pathToFileURL(resolve(arg.file)).href, from: 'file' });
    setDocumentUrl(doc, address.url);
    options.onAddress?.(address);
    options.onDocument?.(doc);
    return extractArticle(doc, address.url, { siteRules: !options.generic });
  } catch (e) {
    // linkedom and the engine recurse over the tree; thousands of nested elements overflow the stack.
    if (e instanceof RangeError) throw new Error('page nested too deeply to extract (stack overflow)', { cause: e });
    throw e;
  }
}

/**
 * Read a regular file of at most MAX_INPUT_BYTES. Directories, FIFOs, devices (`/dev/zero`) and oversized files are
 * refused before reading, so a FIFO cannot hang the run and a device cannot exhaust memory.
 * @throws Error with a short reason (`file not found`, `a web address, not a file: …`, `a directory, not a file`, …).
 */
async function readInput(file: string): Promise<Uint8Array> {
  let fh;
  try {
    // O_NONBLOCK: opening a FIFO without a writer would otherwise block forever.
    fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && /^https?:\/\//i.test(file))
      throw new Error(
        'a web address, not a file: qingdu reads saved pages; save it, then pass its address with --url',
        {
          cause: e,
        },
      );
    if (code === 'ENOENT') throw new Error('file not found', { cause: e });
    if (code === 'EISDIR') throw new Error('a directory, not a file', { cause: e });
    if (code === 'ELOOP') throw new Error('a symbolic link loop', { cause: e });
    if (code === 'EACCES') throw new Error('permission denied', { cause: e });
    throw e;
  }
  try {
    const st = await fh.stat();
    if (st.isDirectory()) throw new Error('a directory, not a file');
    if (!st.isFile()) throw new Error('not a regular file (a FIFO, socket or device)');
    if (st.size > MAX_INPUT_BYTES)
      throw new Error(`too large (${megabytes(st.size)}; the limit is ${megabytes(MAX_INPUT_BYTES)})`);
    return new Uint8Array(await fh.readFile());
  } finally {
    await fh.close();
  }
}

function ordered(a: Article): Record<string, unknown> {
  return Object.fromEntries(ARTICLE_FIELDS.map((k) => [k, a[k]]));
}

/**
 * `qingdu extract FILE... [--url URL] [--format json|markdown] [--generic] [--verbose]`: one JSON line (or Markdown
 * document) per file. `--generic` turns every site rule off; `--verbose` says on stderr which address each file ran at.
 */
export async function runExtract(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseFileArgs(argv, ['format'], ['generic', 'verbose']);
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
      const article = await extractFile(f, {
        generic: parsed.opts.generic === 'true',
        onAddress: (a) => {
          if (parsed.opts.verbose === 'true')
            process.stderr.write(`qingdu extract: ${f.file}: at ${a.url} (${a.from})\n`);
        },
      });
      if (format === 'json') process.stdout.write(JSON.stringify(ordered(article)) + '\n');
      else process.stdout.write((await import('../cite/markdown')).articleToMarkdown(article) + '\n');
    } catch (e) {
      const error = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message;
      process.stderr.write(`qingdu extract: ${f.file}: ${error}\n`);
      if (format === 'json') process.stdout.write(JSON.stringify({ file: f.file, error }) + '\n');
      status = 1;
    }
  }
  return status;
}
