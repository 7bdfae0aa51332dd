import { afterEach, expect, it, vi } from 'vitest';
import { runEval } from '../../src/cli/eval';

// `qingdu eval` refuses what it cannot run with a one-line message and exit status 2 (found by a fresh-eyes trial:
// a wrong --corpus gave a Node stack trace, an unknown option was ignored).
afterEach(() => vi.restoreAllMocks());

it.each([
  [['--bogus'], 'qingdu eval: unknown option --bogus\n'],
  [['--corpus', '/tmp'], 'qingdu eval: --corpus /tmp: no labels.jsonl there\n'],
  [['--cases', '/nonexistent-qingdu'], 'qingdu eval: --cases /nonexistent-qingdu: no such folder there\n'],
  [
    ['--cases', 'test/fixtures/corpus/pages'],
    'qingdu eval: --cases test/fixtures/corpus/pages: no cases there (no *.expected.json beside its pages)\n',
  ],
  [['--kinds', '/nonexistent-qingdu'], 'qingdu eval: --kinds /nonexistent-qingdu: no such folder there\n'],
  [['--corpus', 'test/fixtures/eval-bad'], 'qingdu eval: test/fixtures/eval-bad/labels.jsonl:2: not a JSON line\n'],
])('eval %j: a message and status 2', async (argv, message) => {
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  expect(await runEval(argv)).toBe(2);
  expect(err).toHaveBeenCalledWith(message);
});
