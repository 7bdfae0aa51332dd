/** The command line of `npm run eval:declutter` (scripts/eval-declutter.ts). */

/** Its options. */
export interface Options {
  generic: boolean;
  build: boolean;
  /** Page names to run (file stems), or null for all. */
  pages: string[] | null;
  shots: string;
  pageScripts: boolean;
}

/** Parse the arguments. @throws Error with a one-line message on an unknown option or a missing value */
export function parseOptions(argv: string[]): Options {
  const o: Options = { generic: false, build: true, pages: null, shots: 'test-results/declutter', pageScripts: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--generic') o.generic = true;
    else if (a === '--no-build') o.build = false;
    else if (a === '--page-scripts') o.pageScripts = true;
    else if (a === '--pages') o.pages = value().split(',').filter(Boolean);
    else if (a === '--shots') o.shots = value();
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}
