import { it } from 'vitest';
import { distDir, launch } from '/work/main/test/e2e/browser';
import { servePages } from '/work/main/test/e2e/server';
import { ROUTES, PAGES, GSCN_HOST } from '/work/main/test/e2e/fixtures';
it('dbg', async () => {
  const server = await servePages(ROUTES);
  const d = await launch({ extensionDir: distDir(), hosts: [GSCN_HOST], port: server.port });
  try {
    const r = await d.background(async (url: string) => {
      const c = (globalThis as any).chrome;
      const tab = await c.tabs.create({ url });
      await new Promise((r) => setTimeout(r, 2000));
      let ex;
      try { ex = await c.scripting.executeScript({ target: { tabId: tab.id }, func: () => document.title }); } catch (e) { ex = String(e); }
      let st; try { st = await c.tabs.sendMessage(tab.id, { name: 'status' }); } catch (e) { st = String(e); }
      return { id: tab.id, ex, st, perms: await c.permissions.getAll() };
    }, PAGES.gscn1.url);
    console.log(JSON.stringify(r));
  } finally { await d.close(); await server.close(); }
});
