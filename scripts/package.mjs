#!/usr/bin/env node
// `npm run package`: store-ready packages in web-ext-artifacts/ —
//   qingdu-chrome-<version>.zip   (Chrome Web Store: the dist/chrome build, manifest at the zip root)
//   qingdu-firefox-<version>.zip  (addons.mozilla.org: `web-ext build` of dist/firefox)
//   qingdu-source-<version>.zip   (the source AMO asks for when code is bundled/minified: `git archive HEAD`;
//                                  rebuild with `npm ci && npm run build:firefox`, see README "Packaging")
// then `web-ext lint` on the Firefox package. Exit 1 when a build, a zip or the lint (errors) fails.
// QINGDU_OUT builds elsewhere than dist/ (parallel work); ARTIFACTS changes the output folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const version = JSON.parse(readFileSync('manifest.json', 'utf8')).version;
const out = resolve(process.env.QINGDU_OUT ?? 'dist');
const artifacts = resolve(process.env.ARTIFACTS ?? 'web-ext-artifacts');
mkdirSync(artifacts, { recursive: true });

function run(cmd, args, env = {}) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`failed: ${cmd} ${args.join(' ')}`);
    process.exit(1);
  }
}

const files = {
  chrome: `qingdu-chrome-${version}.zip`,
  firefox: `qingdu-firefox-${version}.zip`,
  source: `qingdu-source-${version}.zip`,
};
for (const f of Object.values(files)) rmSync(resolve(artifacts, f), { force: true });

for (const target of ['chrome', 'firefox']) {
  run('npx', ['vite', 'build', '--logLevel', 'warn'], { TARGET: target });
  // web-ext build only zips the folder (manifest at the root); it works for the Chrome build as well.
  run('npx', [
    'web-ext',
    'build',
    '--no-config-discovery',
    '--source-dir',
    resolve(out, target),
    '--artifacts-dir',
    artifacts,
    '--filename',
    files[target],
    '--overwrite-dest',
  ]);
}
// Only committed files: a dirty working tree is not what was built and reviewed.
const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).stdout.trim();
if (dirty) console.warn(`note: uncommitted changes are not in the source zip:\n${dirty}`);
run('git', ['archive', '--format=zip', `--prefix=qingdu-${version}/`, '-o', resolve(artifacts, files.source), 'HEAD']);

run('npx', ['web-ext', 'lint', '--no-config-discovery', '--source-dir', resolve(out, 'firefox')]);

console.log('\npackages:');
for (const f of Object.values(files))
  console.log(`  ${resolve(artifacts, f)}  ${(statSync(resolve(artifacts, f)).size / 1024).toFixed(0)} KB`);
