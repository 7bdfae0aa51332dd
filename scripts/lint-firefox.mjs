#!/usr/bin/env node
// web-ext lint on dist/firefox: prints the counts and fails on any error (warnings are reported, not fatal).
import { spawnSync } from 'node:child_process';

const r = spawnSync(
  'npx',
  ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--output', 'json', '--no-config-discovery'],
  {
    encoding: 'utf8',
  },
);
let report;
try {
  report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
} catch {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
const { errors = [], warnings = [], notices = [] } = report;
for (const m of [...errors, ...warnings]) console.log(`${m._type}: ${m.code} ${m.file ?? ''} ${m.message}`);
console.log(`web-ext lint: ${errors.length} errors, ${warnings.length} warnings, ${notices.length} notices`);
process.exit(errors.length ? 1 : 0);
