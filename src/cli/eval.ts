import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { decodeHtml } from '../extract/decode';
import { extractArticle, type ScanOptions } from '../extract/index';
import { parseDocument } from './dom';
import {
  CASE_URL,
  CORPUS_FIELDS,
  scoreCase,
  scoreCorpus,
  type CaseExpected,
  type CorpusField,
  type CorpusLabel,
  type Scored,
} from './score';

/** One corpus page's result for both engines. */
interface PageRun {
  label: CorpusLabel;
  ours: Partial<Record<CorpusField, string | null>>;
  plain: Partial<Record<CorpusField, string | null>>;
  oursMs: number;
  plainMs: number;
}

/** Median and 95th percentile of `xs` (ms). */
export function stats(xs: number[]): { median: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))] : 0);
  return { median: at(0.5), p95: at(0.95) };
}

/** Plain Readability 0.6.0 as a Scored record (detect = isProbablyReaderable), with its parse time. */
function runPlain(doc: Document): { scored: Scored; ms: number } {
  const readerable = isProbablyReaderable(doc);
  const t0 = performance.now();
  const r = new Readability(doc).parse();
  const ms = performance.now() - t0;
  return {
    ms,
    scored: {
      isArticle: readerable,
      title: r?.title ?? '',
      published: r?.publishedTime ?? null,
      source: null,
      authors: r?.byline ? [r.byline] : [],
      editors: [],
      textContent: r?.textContent ?? '',
    },
  };
}

/** The page URL of a corpus label: its own, or a file: URL (no URL evidence). */
export function corpusUrl(label: CorpusLabel, dir: string): string {
  return label.url ?? pathToFileURL(resolve(dir, label.file)).href;
}

/** Read and parse a page as the CLI does. */
export function loadPage(path: string, url: string, decodeAs?: string): Document {
  const { html } = decodeHtml(new Uint8Array(readFileSync(path)), decodeAs ?? null);
  return parseDocument(html, url);
}

/** One case's result: our failed checks, whether plain Readability passes, the times. */
interface CaseRow {
  name: string;
  ours: string[];
  plain: boolean;
  oursMs: number;
  plainMs: number;
}

/** Run every case of a folder in the cases format (its own `url` or CASE_URL) with both engines. */
function runCases(dir: string, options: ScanOptions): CaseRow[] {
  const rows: CaseRow[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort();
  for (const f of files) {
    const name = f.replace(/\.expected\.json$/, '');
    const exp: CaseExpected = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const path = join(dir, `${name}.html`);
    const url = exp.url ?? CASE_URL;
    const doc = loadPage(path, url, exp.decode_as);
    const t0 = performance.now();
    const a = extractArticle(doc, url, options);
    const oursMs = performance.now() - t0;
    const p = runPlain(loadPage(path, url, exp.decode_as));
    const plainArticle = { ...a, ...p.scored, excerpt: '', contentHtml: '', nextPageUrl: null };
    rows.push({
      name,
      ours: scoreCase(a, exp),
      plain: scoreCase(plainArticle as typeof a, exp).length === 0,
      oursMs,
      plainMs: p.ms,
    });
  }
  return rows;
}

/**
 * The rows of a labels.jsonl file.
 * @throws Error naming the file and line of a row that is not a JSON object with a `file`
 */
function readLabels(path: string): CorpusLabel[] {
  const rows: CorpusLabel[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        throw new Error(`${path}:${i + 1}: not a JSON line`);
      }
      if (!row || typeof row !== 'object' || typeof (row as CorpusLabel).file !== 'string')
        throw new Error(`${path}:${i + 1}: not a label (a JSON object with a "file")`);
      rows.push(row as CorpusLabel);
    });
  return rows;
}

/** The options of `qingdu eval`, and those of them that take a value. */
const VALUE_FLAGS = ['--corpus', '--cases', '--kinds'];
const EVAL_FLAGS = [...VALUE_FLAGS, '--verbose', '--generic'];

function pickDir(argv: string[], flag: string, candidates: string[]): string {
  const i = argv.indexOf(flag);
  if (i >= 0 && argv[i + 1]) return argv[i + 1];
  return candidates.find((d) => existsSync(d)) ?? candidates[0];
}

/**
 * `qingdu eval [--corpus DIR] [--cases DIR] [--kinds DIR] [--verbose] [--generic]`: our engine and plain Readability
 * over the corpus, the cases and the failure kinds (test/fixtures/kinds) in the same process, each page at its labelled address (`url`; a file: URL when it has none); prints
 * per-field pass counts side by side, our failures (with --verbose Readability's too), and time per page (median, p95,
 * ratio). `--generic` runs our engine with every site rule off. Exit status 0 (it measures; the unit tests judge).
 */
export async function runEval(argv: string[]): Promise<number> {
  const corpusDir = pickDir(argv, '--corpus', ['test/fixtures/corpus', '../shared/corpus', '/work/shared/corpus']);
  const casesDir = pickDir(argv, '--cases', ['test/fixtures/cases', '../shared/cases', '/work/shared/cases']);
  const kindsDir = pickDir(argv, '--kinds', ['test/fixtures/kinds']);
  const verbose = argv.includes('--verbose');
  const options = { siteRules: !argv.includes('--generic') };
  const unknown = argv.filter(
    (a, i) => a.startsWith('--') && !EVAL_FLAGS.includes(a) && !VALUE_FLAGS.includes(argv[i - 1]),
  );
  if (unknown.length) {
    process.stderr.write(`qingdu eval: unknown option ${unknown[0]}\n`);
    return 2;
  }
  for (const [flag, dir, need] of [
    ['--corpus', corpusDir, 'labels.jsonl'],
    ['--cases', casesDir, ''],
  ] as const) {
    if (!existsSync(join(dir, need))) {
      process.stderr.write(`qingdu eval: ${flag} ${dir}: no ${need || 'such folder'} there\n`);
      return 2;
    }
  }
  if (!readdirSync(casesDir).some((f) => f.endsWith('.expected.json'))) {
    process.stderr.write(`qingdu eval: --cases ${casesDir}: no cases there (no *.expected.json beside its pages)\n`);
    return 2;
  }
  if (argv.includes('--kinds') && !existsSync(kindsDir)) {
    process.stderr.write(`qingdu eval: --kinds ${kindsDir}: no such folder there\n`);
    return 2;
  }
  let labels: CorpusLabel[];
  try {
    labels = readLabels(join(corpusDir, 'labels.jsonl'));
  } catch (e) {
    process.stderr.write(`qingdu eval: ${(e as Error).message}\n`);
    return 2;
  }

  const runs: PageRun[] = [];
  // one warm-up page so JIT start-up is not charged to the first page of either engine
  if (labels[0]) {
    const u = corpusUrl(labels[0], corpusDir);
    extractArticle(loadPage(join(corpusDir, labels[0].file), u), u, options);
    runPlain(loadPage(join(corpusDir, labels[0].file), u));
  }
  for (const label of labels) {
    const path = join(corpusDir, label.file);
    const url = corpusUrl(label, corpusDir);
    const doc = loadPage(path, url);
    const t0 = performance.now();
    const a = extractArticle(doc, url, options);
    const oursMs = performance.now() - t0;
    const plain = runPlain(loadPage(path, url));
    runs.push({
      label,
      ours: scoreCorpus(a, label),
      plain: scoreCorpus(plain.scored, label),
      oursMs,
      plainMs: plain.ms,
    });
  }

  const caseRows = runCases(casesDir, options);
  const kindRows = existsSync(kindsDir) ? runCases(kindsDir, options) : [];

  const out: string[] = [];
  const articles = runs.filter((r) => r.label.is_article).length;
  const mode = options.siteRules ? 'site rules on' : 'generic: site rules off';
  out.push(`corpus: ${runs.length} pages (${articles} articles) from ${corpusDir} (${mode})`);
  out.push(`${'field'.padEnd(10)} ${'qingdu'.padStart(8)} ${'readability'.padStart(12)}`);
  for (const f of CORPUS_FIELDS) {
    const scored = runs.filter((r) => f in r.ours);
    const ours = scored.filter((r) => r.ours[f] === null).length;
    const plain = scored.filter((r) => r.plain[f] === null).length;
    out.push(`${f.padEnd(10)} ${`${ours}/${scored.length}`.padStart(8)} ${`${plain}/${scored.length}`.padStart(12)}`);
  }
  for (const [name, rows] of [
    ['cases', caseRows],
    ['kinds', kindRows],
  ] as const) {
    const ok = rows.filter((c) => !c.ours.length).length;
    const plainOk = rows.filter((c) => c.plain).length;
    out.push(`${name.padEnd(10)} ${`${ok}/${rows.length}`.padStart(8)} ${`${plainOk}/${rows.length}`.padStart(12)}`);
  }

  const ours = stats([...runs.map((r) => r.oursMs), ...caseRows.map((c) => c.oursMs)]);
  const plain = stats([...runs.map((r) => r.plainMs), ...caseRows.map((c) => c.plainMs)]);
  out.push('');
  out.push(
    `time per page (ms, ${runs.length + caseRows.length} corpus and case pages; extraction only, HTML parsing excluded)`,
  );
  out.push(`  qingdu extractArticle   median ${ours.median.toFixed(2)}  p95 ${ours.p95.toFixed(2)}`);
  out.push(`  readability parse()     median ${plain.median.toFixed(2)}  p95 ${plain.p95.toFixed(2)}`);
  out.push(`  ratio (median qingdu / readability) ${(ours.median / (plain.median || 1)).toFixed(2)}`);

  out.push('');
  const pageName = (r: PageRun) => r.label.file.replace(/^pages\//, '').replace(/\.html$/, '');
  const failures: string[] = [];
  for (const r of runs)
    for (const f of CORPUS_FIELDS.filter((f) => r.ours[f])) failures.push(`  ${pageName(r)} ${f}: ${r.ours[f]}`);
  for (const c of caseRows) if (c.ours.length) failures.push(`  case ${c.name}: ${c.ours.join('; ')}`);
  for (const c of kindRows) if (c.ours.length) failures.push(`  kind ${c.name}: ${c.ours.join('; ')}`);
  out.push('failures (qingdu):', ...(failures.length ? failures : ['  none']));
  if (verbose) {
    out.push('', 'failures (plain readability, for comparison):');
    for (const r of runs)
      for (const f of CORPUS_FIELDS.filter((f) => r.plain[f])) out.push(`  ${pageName(r)} ${f}: ${r.plain[f]}`);
  }
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}
