import type http from "node:http";
import type { AddressInfo } from "node:net";

export type LoopbackServer = { origin: string; port: number; close: () => Promise<void> };

/**
 * Serves `server` on 127.0.0.1 at a port the OS picks, so suites running side by side never collide.
 *
 * Keep-alive: only the client closes idle connections here. With Node's default (the server drops a
 * connection idle for 5 s), a client may write its next request onto a connection just as the server's
 * idle timer fires; on a loaded machine the event loop can stall between that write and the server reading
 * it, the timer wins, the server closes a socket with an unread request, and the client gets ECONNRESET.
 * Never closing idle connections on the server side removes that race instead of hoping it is rare.
 */
export async function listenOnLoopback(server: http.Server): Promise<LoopbackServer> {
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
