/**
 * `tsx scripts/profile-content.ts [page.html …]`: where the content script's page-load time goes. Loads corpus pages
 * (all by default) in Chromium with the build in QINGDU_DIST (build it with QINGDU_MINIFY=0 for readable names), with
 * the V8 sampling profiler (CDP Profiler, 50 µs) running from navigation until the script's `qingdu:done` mark, and
 * prints self time per function of the extension's scripts, summed over the pages (ms), and the phases' sum.
 */
import { corpusRows, serveCorpus } from './bench-pages';
import { distDir, launch } from './lib/browser';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

async function main(): Promise<void> {
  const rows = corpusRows().filter((r) => process.argv.length <= 2 || process.argv.slice(2).includes(r.file));
  const server = await serveCorpus(rows);
  const port = server.port;
  const driver = await launch({
    extensionDir: distDir('chromium'),
    hosts: [...new Set(rows.map((r) => new URL(r.url).hostname))],
    port,
    kind: 'chromium',
  });
  const self = new Map<string, number>();
  let phasesTotal = 0;
  try {
    for (const row of rows) {
      const page = await driver.browser.newPage();
      try {
        const cdp = await page.createCDPSession();
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
        await cdp.send('Profiler.start');
        await page.goto(row.url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
        await page.waitForFunction(() => performance.getEntriesByName('qingdu:done').length > 0, { timeout: 30_000 });
        const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
        phasesTotal += await page.evaluate(() =>
          performance
            .getEntriesByType('measure')
            .filter((m) => m.name.startsWith('qingdu:'))
            .reduce((s, m) => s + m.duration, 0),
        );
        const byId = new Map(profile.nodes.map((n) => [n.id, n]));
        const parent = new Map<number, number>();
        for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
        profile.samples.forEach((id, i) => {
          // attribute native frames (GC, DOM, regexp) to the nearest extension function above them, tagged
          let n = byId.get(id)!;
          let tag = '';
          while (n && !n.callFrame.url.startsWith('chrome-extension://')) {
            tag ||= n.callFrame.functionName || '(native)';
            const p = parent.get(n.id);
            n = p === undefined ? (undefined as unknown as Node) : byId.get(p)!;
          }
          if (!n) return;
          const key = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber + 1}${tag ? ` > ${tag}` : ''}`;
          self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
        });
      } finally {
        await page.close();
      }
    }
  } finally {
    await driver.close();
    server.close();
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(
    `pages ${rows.length}; phases sum ${phasesTotal.toFixed(1)} ms; extension samples ${total.toFixed(1)} ms`,
  );
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 60))
    console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
