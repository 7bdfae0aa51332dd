import { runExtract } from './extract';
import { runEval } from './eval';
import { runCite } from './cite';

/** A CLI command: takes its argv (after the command name), writes to stdout/stderr, returns the exit status. */
export type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  extract: {
    run: runExtract,
    usage: 'qingdu extract FILE... [--url URL] [--format json|markdown] [--generic] [--verbose]',
  },
  eval: { run: runEval, usage: 'qingdu eval [--corpus DIR] [--cases DIR] [--kinds DIR] [--verbose] [--generic]' },
  cite: {
    run: runCite,
    usage:
      'qingdu cite FILE... [--url URL] [--style gbt7714-numeric|gbt7714-author-date|apa|mla|chicago|bibtex|ris|csl-json|markdown|metadata] [--accessed YYYY-MM-DD]',
  },
};

/** Entry point of `npx qingdu`: dispatches to a command and returns the process exit status. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const usage = `usage:\n${Object.values(COMMANDS)
    .map((c) => `  ${c.usage}`)
    .join('\n')}\n`;
  // Asked-for help is output and success; a missing or unknown command is an error.
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  const cmd = name ? COMMANDS[name] : undefined;
  if (!cmd) {
    process.stderr.write((name ? `qingdu: unknown command ${name}\n` : '') + usage);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`usage: ${cmd.usage}\n`);
    return 0;
  }
  return cmd.run(rest);
}
