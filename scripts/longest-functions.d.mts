// Types of scripts/longest-functions.mjs for the tests that import it (test/unit/longest-functions.test.ts).

/** One function of a source file: where its counted node starts, what a reader calls it, its length in lines. */
export interface FunctionLength {
  line: number;
  name: string;
  lines: number;
}

/** Every .ts/.tsx/.js/.mjs file under `path` (a file or a folder), sorted. */
export function sourceFiles(path: string): string[];

/** Every function of one source file, counted as ESLint's max-lines-per-function counts (or every line, `raw`). */
export function functionLengths(file: string, text: string, options?: { raw?: boolean }): FunctionLength[];
