#!/usr/bin/env node
// `npm test`: every check, one after the other, then a plain `N passed, N failed` line (what CI reads).
// Steps: type-check, ESLint, Prettier check, both builds, unit tests, web-ext lint, browser tests (Chromium; Firefox ESR
// where present).
// Each vitest test counts as one; every other step counts as one. Exit status 1 when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
const failures = [];
const reports = {}; // vitest JSON report by step label, for the per-browser counts at the end

function run(label, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${label}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}
function step(label, cmd, args, env) {
  if (run(label, cmd, args, env)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}
function vitestStep(label, config, out, env) {
  const ok = run(
    label,
    'npx',
    ['vitest', 'run', '-c', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    env,
  );
  if (!existsSync(out)) {
    failed++;
    failures.push(`${label} (no report)`);
    return;
  }
  const r = JSON.parse(readFileSync(out, 'utf8'));
  reports[label] = r;
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  for (const f of r.testResults ?? [])
    for (const t of f.assertionResults ?? []) if (t.status === 'failed') failures.push(`${label}: ${t.fullName}`);
  // A suite that fails to load has no failed tests but is a failure.
  const broken = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((t) => t.status === 'failed'),
  );
  for (const f of broken) {
    failed++;
    failures.push(`${label}: ${f.name} did not run: ${String(f.message).slice(0, 200)}`);
  }
  if (!ok && r.numFailedTests === 0 && !broken.length) {
    failed++;
    failures.push(`${label} exited non-zero`);
  }
}

step('typecheck', 'npx', ['tsc', '-p', '.']);
step('lint', 'npm', ['run', '--silent', 'lint']);
step('format', 'npm', ['run', '--silent', 'format:check']);
// Builds before the unit tests: some unit tests check the built manifests and pages (csp, manifest-firefox).
step('build chrome', 'npx', ['vite', 'build', '--logLevel', 'warn'], { TARGET: 'chrome' });
step('build firefox', 'npx', ['vite', 'build', '--logLevel', 'warn'], { TARGET: 'firefox' });
vitestStep('unit', 'vitest.config.ts', 'test-results/unit.json');
step('web-ext lint', 'node', ['scripts/lint-firefox.mjs']);
vitestStep('e2e chromium', 'vitest.e2e.config.ts', 'test-results/e2e-chromium.json', { QINGDU_BROWSER: 'chromium' });
// The same suite again in Firefox ESR (scripts/lib/browser.ts picks the driver); skipped only where Firefox is missing.
if (existsSync(process.env.FIREFOX_PATH || '/usr/bin/firefox-esr'))
  vitestStep('e2e firefox', 'vitest.e2e.config.ts', 'test-results/e2e-firefox.json', { QINGDU_BROWSER: 'firefox' });
else console.log('\n=== e2e firefox: skipped (no /usr/bin/firefox-esr; set FIREFOX_PATH)');
for (const [label, r] of Object.entries(reports))
  if (label.startsWith('e2e'))
    console.log(`${label}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);

if (failures.length) console.log(`\nFailures:\n${failures.map((f) => `- ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
