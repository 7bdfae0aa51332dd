import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';

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

/** How servePages answers beyond the defaults (plain http, routes keyed by path + query). */
export interface ServeOptions {
  /** Routes are keyed `host + path + query` (`news.163.com/19/0907/x.html`): the Host header picks the page. */
  byHost?: boolean;
  /**
   * Answer TLS on the same port too, with this key and certificate (PEM; scripts/lib/self-signed.ts): one port then
   * serves both `http://` and `https://`, which the browser's host mapping (one port per host) needs when a host is
   * reached over both, or is upgraded to https by the browser's HSTS preload list.
   */
  tls?: { key: string; cert: string };
  /** Headers sent with every page (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
}

/** The route key of a request: path + query, with the host first when routes are keyed by host. */
function routeKey(req: IncomingMessage, byHost: boolean): string {
  // Firefox reaches us as its HTTP proxy (browser.ts): the request line then carries the absolute URL.
  const url = req.url ?? '';
  const path = /^https?:\/\//.test(url) ? url.replace(/^https?:\/\/[^/]+/, '') : url;
  if (!byHost) return path;
  const host = /^https?:\/\//.test(url) ? new URL(url).hostname : (req.headers.host ?? '').replace(/:\d+$/, '');
  return host + path;
}

/**
 * Serve fixture pages from localhost. The browser maps the real host names (gansu.gscn.com.cn) to this server, so
 * manifest `matches` apply. Unknown paths get 404 (images, css of the saved pages: there is no network here).
 * @param port 0 = ephemeral (Chromium maps host→port; Firefox uses the server as its HTTP proxy).
 */
export async function servePages(
  routes: Record<string, Route>,
  port = 0,
  options: ServeOptions = {},
): Promise<PageServer> {
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const route = routes[routeKey(req, !!options.byHost)];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { ...options.headers, 'content-type': route.contentType }).end(readFileSync(route.file));
  };
  const plain = createServer(answer);
  if (!options.tls) return listen(plain, port, () => plain.closeAllConnections());
  const secure = createTlsServer(options.tls, answer);
  const sockets = new Set<Socket>();
  // The first byte of a TLS connection is a handshake record (0x16); plain HTTP starts with a method name.
  const front = createNetServer((socket) => {
    sockets.add(socket.on('close', () => sockets.delete(socket)));
    socket.once('data', (chunk) => {
      socket.pause();
      socket.unshift(chunk);
      (chunk[0] === 0x16 ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  return listen(front, port, () => {
    for (const s of sockets) s.destroy();
  });
}

/** Listen on 127.0.0.1:port; close() drops open connections (dropAll) and stops listening. */
async function listen(server: Server | ReturnType<typeof createNetServer>, port: number, dropAll: () => void) {
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((ok) => {
        dropAll();
        server.close(() => ok());
      }),
  };
}
