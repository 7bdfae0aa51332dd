import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

// What addons.mozilla.org needs from the Firefox manifest (README "Firefox"): a fixed add-on id, strict_min_version (≥
// 140, the first with data_collection_permissions; 142 on Android), and the statement that no data is collected.
type Gecko = {
  id?: string;
  strict_min_version?: string;
  data_collection_permissions?: { required?: string[]; optional?: string[] };
};
type Bss = { gecko?: Gecko; gecko_android?: { strict_min_version?: string } };

function check(bss: Bss | undefined): void {
  expect(bss?.gecko?.id).toBe('qingdu@qingdu.app');
  expect(Number.parseFloat(bss?.gecko?.strict_min_version ?? '0')).toBeGreaterThanOrEqual(140);
  expect(Number.parseFloat(bss?.gecko_android?.strict_min_version ?? '0')).toBeGreaterThanOrEqual(142);
  expect(bss?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
}

it('source manifest: gecko id, strict_min_version, no data collected (Firefox build only)', () => {
  const m = JSON.parse(readFileSync('manifest.json', 'utf8'));
  check(m['{{firefox}}.browser_specific_settings']);
  expect(m.browser_specific_settings).toBeUndefined(); // Chrome's store rejects unknown keys less gracefully
  expect(m['{{firefox}}.background']).toEqual({ scripts: [expect.stringMatching(/background/)] });
});

const built = resolve(process.env.QINGDU_DIST ?? 'dist', 'firefox', 'manifest.json');
it.skipIf(!existsSync(built))(
  'built Firefox manifest (QINGDU_DIST, default dist) has them, and no Chrome-only key',
  () => {
    const m = JSON.parse(readFileSync(built, 'utf8'));
    check(m.browser_specific_settings);
    expect(m.background.service_worker).toBeUndefined();
    const chrome = join(resolve(process.env.QINGDU_DIST ?? 'dist'), 'chrome', 'manifest.json');
    if (existsSync(chrome)) expect(JSON.parse(readFileSync(chrome, 'utf8')).browser_specific_settings).toBeUndefined();
  },
);
