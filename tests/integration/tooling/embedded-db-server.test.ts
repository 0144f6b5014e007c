import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The embedded server that `npm start` / `npm run dev` put in front of the PGlite folder.
import { startEmbeddedDbServer } from "../../../scripts/embedded-db-server.mjs";

let server: { url: string; stop: () => Promise<void> };
let pool: pg.Pool;

describe("embedded database server shared by several connections", () => {
  beforeAll(async () => {
    server = await startEmbeddedDbServer({ dataDir: "memory://" });
    pool = new pg.Pool({ connectionString: server.url, max: 8 });
    await pool.query("create table counters (id int primary key, n int not null)");
    await pool.query("insert into counters values (1, 0)");
  });

  afterAll(async () => {
    await pool?.end();
    await server?.stop();
  });

  it("never mixes two connections' parameterized queries", async () => {
    // Different parameter counts: an interleaved Bind fails loudly with "bind message supplies N parameters".
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 2 === 0
          ? pool.query("select $1::int + $2::int as v", [i, 1]).then((r) => r.rows[0].v === i + 1)
          : pool.query("select $1::text as v", [`q${i}`]).then((r) => r.rows[0].v === `q${i}`),
      ),
    );
    expect(results.every(Boolean)).toBe(true);
  });

  it("keeps transactions isolated across connections", async () => {
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        const client = await pool.connect();
        try {
          await client.query("begin");
          const { rows } = await client.query("select n from counters where id = $1 for update", [1]);
          await client.query("update counters set n = $1 where id = $2", [rows[0].n + 1, 1]);
          await client.query("commit");
        } finally {
          client.release();
        }
      }),
    );
    const { rows } = await pool.query("select n from counters where id = 1");
    expect(rows[0].n).toBe(40);
  });

  it("keeps serving the others when a connection dies mid-batch", async () => {
    const doomed = new pg.Client({ connectionString: server.url });
    doomed.on("error", () => {}); // its own death is the point
    await doomed.connect();
    const pending = doomed.query("select pg_sleep(0.05), $1::int as v", [1]).catch(() => undefined);
    (doomed as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy();
    await pending;
    const { rows } = await pool.query("select $1::int as v", [7]);
    expect(rows[0].v).toBe(7);
  });
});
