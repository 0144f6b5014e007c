// Serves one PGlite folder over the Postgres wire protocol on a loopback port, so several processes (the app,
// a seed, drizzle-kit) can share it: a PGlite folder opened by two processes is silently corrupted.
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** Opens `dataDir` (or `memory://`) and serves it on 127.0.0.1:`port` (0 = any free port). */
export async function startEmbeddedDbServer({ dataDir, port = 0, maxConnections = 64 }) {
  const db = dataDir === "memory://" ? await PGlite.create() : await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections });
  await server.start();
  const actualPort = Number(server.getServerConn().split(":").pop());
  return {
    port: actualPort,
    url: `postgres://postgres:postgres@127.0.0.1:${actualPort}/postgres`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
