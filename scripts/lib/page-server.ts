import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

/** One page the test server answers: the fixture file and the Content-Type header to send with it. */
export interface Route {
  file: string;
  contentType: string;
}

/** A localhost HTTP server for fixture pages, keyed by path + query (the host name comes from DNS mapping). */
export interface PageServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serve fixture pages from localhost. The browser maps the real host names (gansu.gscn.com.cn) to this server, so
 * manifest `matches` apply. Unknown paths get 404 (images, css of the saved pages: there is no network here).
 * @param port 0 = ephemeral (Chromium maps host→port; Firefox uses the server as its HTTP proxy).
 */
export async function servePages(routes: Record<string, Route>, port = 0): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    // Firefox reaches us as its HTTP proxy (browser.ts): the request line then carries the absolute URL.
    const url = req.url ?? '';
    const route = routes[/^https?:\/\//.test(url) ? url.replace(/^https?:\/\/[^/]+/, '') : url];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': route.contentType }).end(readFileSync(route.file));
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
