import { afterAll, beforeAll } from 'vitest';
import { distDir, launch, type Driver } from '../../scripts/lib/browser';
import { servePages, type PageServer } from '../../scripts/lib/page-server';
import { GSCN_HOST, OTHER_HOST, ROUTES } from './fixtures';
import { startXvfb, type XServer } from '../../scripts/lib/x11';

/** What a headed suite gets: the X display and the browser, both absent where Xvfb/xdotool are missing. */
export interface Headed {
  x: XServer | null;
  driver: Driver | undefined;
}

/**
 * Registers beforeAll/afterAll that start a private Xvfb display, serve the fixture ROUTES and launch the browser
 * headed with the extension on it (real key presses need a headed browser: synthetic keys never fire commands). The
 * returned object is filled in by beforeAll; a test skips itself when `x` or `driver` is missing.
 */
export function useHeadedBrowser(): Headed {
  const headed: Headed = { x: null, driver: undefined };
  let server: PageServer | undefined;
  beforeAll(async () => {
    headed.x = await startXvfb();
    if (!headed.x) return;
    server = await servePages(ROUTES);
    headed.driver = await launch({
      extensionDir: distDir(),
      hosts: [GSCN_HOST, OTHER_HOST],
      port: server.port,
      headed: true,
      env: { DISPLAY: headed.x.display },
    });
  });
  afterAll(async () => {
    await headed.driver?.close();
    await server?.close();
    headed.x?.close();
  });
  return headed;
}
