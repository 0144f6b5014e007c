import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  startEmbeddedDbServer,
  type EmbeddedDbEvent,
  type EmbeddedDbServer,
} from "../../../scripts/embedded-db-server.mjs";

// The embedded server gives every connection what a Postgres backend would, although PGlite is one session:
// its own prepared statements (gone with it), an exchange nobody interleaves with, and a rollback if it dies
// inside a transaction. Each case waits for the server's own connection events, never for time to pass.

let server: EmbeddedDbServer;
const events: EmbeddedDbEvent[] = [];
const waiters: { match: (e: EmbeddedDbEvent) => boolean; resolve: () => void }[] = [];

function onEvent(event: EmbeddedDbEvent) {
  events.push(event);
  for (const w of [...waiters]) {
    if (!w.match(event)) continue;
    waiters.splice(waiters.indexOf(w), 1);
    w.resolve();
  }
}

/** Resolves once the server has finished closing `count` more connections than it had when called. */
function closesFromNow(count = 1): Promise<void> {
  const target = events.filter((e) => e.type === "close").length + count;
  return new Promise((resolve) => {
    const check = () => events.filter((e) => e.type === "close").length >= target;
    if (check()) return resolve();
    waiters.push({ match: () => check(), resolve });
  });
}

const clients: pg.Client[] = [];
async function connect(url = server.url): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {}); // some cases kill their own connection
  await client.connect();
  clients.push(client);
  return client;
}

// Generous limits: PGlite boots a WASM Postgres, and on a busy laptop that alone can take many seconds.
describe(
  "embedded database server: one PGlite session, a backend's behaviour per connection",
  { timeout: 120_000 },
  () => {
    beforeAll(async () => {
      server = await startEmbeddedDbServer({ dataDir: "memory://", onEvent });
      const setup = await connect();
      await setup.query("create table counters (id int primary key, n int not null)");
      await setup.query("insert into counters values (1, 0)");
    }, 180_000);

    afterEach(async () => {
      await Promise.all(clients.splice(0).map((c) => c.end().catch(() => {})));
    });

    afterAll(async () => {
      await server?.stop();
    }, 60_000);

    it("lets a new connection prepare a name that a closed connection had prepared (npm start after 10 s idle)", async () => {
      const first = await connect();
      expect((await first.query({ name: "lock_attempt", text: "select 1::int as v" })).rows[0].v).toBe(1);
      const closed = closesFromNow();
      await first.end();
      await closed;
      const second = await connect();
      expect((await second.query({ name: "lock_attempt", text: "select 1::int as v" })).rows[0].v).toBe(1);
    });

    it("gives two live connections their own statement under the same name", async () => {
      const [a, b] = [await connect(), await connect()];
      const [ra, rb] = await Promise.all([
        a.query({ name: "same_name", text: "select $1::int * 2 as v", values: [21] }),
        b.query({ name: "same_name", text: "select $1::text || '!' as v", values: ["hi"] }),
      ]);
      expect([ra.rows[0].v, rb.rows[0].v]).toEqual([42, "hi!"]);
      // And each keeps using its own afterwards.
      expect((await a.query({ name: "same_name", text: "select $1::int * 2 as v", values: [5] })).rows[0].v).toBe(10);
    });

    it("pool connections recycled by an idle timeout keep working with named statements", async () => {
      const pool = new pg.Pool({ connectionString: server.url, max: 1, idleTimeoutMillis: 1 });
      try {
        for (let round = 0; round < 5; round++) {
          const closed = closesFromNow();
          const { rows } = await pool.query({ name: "recycled", text: "select $1::int as v", values: [round] });
          expect(rows[0].v).toBe(round);
          await closed; // the pool dropped the idle connection; the next round opens a new one
        }
      } finally {
        await pool.end();
      }
    });

    it("never lets another connection in between one connection's Parse and its Sync", async () => {
      // Connection A parses the unnamed statement and flushes, then waits: the exchange is still open.
      const raw = await rawConnection(server.port);
      await raw.send(message("P", cstring("") + cstring("select $1::int + 1 as v") + int16(0)), message("H", ""));
      await raw.waitFor(0x31); // ParseComplete
      // B connects and runs its own unnamed Parse/Bind/Execute meanwhile: it must wait for A rather than replace
      // A's statement (the server reports the wait).
      const waited = new Promise<void>((resolve) => waiters.push({ match: (e) => e.type === "wait", resolve }));
      const bResult = connect().then((b) => b.query("select $1::text as v, $2::text as w", ["x", "y"]));
      await waited;
      // A binds one parameter and executes: with B's statement in its place this would fail (2 parameters expected).
      await raw.send(
        message("B", cstring("") + cstring("") + int16(0) + int16(1) + int32(1) + "5" + int16(0)),
        message("E", cstring("") + int32(0)),
        message("S", ""),
      );
      const reply = await raw.waitFor(0x5a); // ReadyForQuery
      const replies = messages(reply);
      expect(replies.map((m) => m.type)).not.toContain("E"); // no ErrorResponse
      expect(
        replies
          .find((m) => m.type === "D")
          ?.body.subarray(6)
          .toString("latin1"),
      ).toBe("6"); // DataRow: one column, 5 + 1
      expect((await bResult).rows[0]).toEqual({ v: "x", w: "y" });
      raw.end();
    });

    it("rolls back the transaction of a connection that dies inside it, and serves the others", async () => {
      const doomed = await connect();
      await doomed.query("begin");
      await doomed.query("update counters set n = 99 where id = 1");
      const closed = closesFromNow();
      (doomed as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy();
      await closed;
      const other = await connect();
      expect((await other.query("select n from counters where id = 1")).rows[0].n).toBe(0);
    });

    it("a pool reconnects to a restarted server on the same port and folder, named statements included", async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "embedded-db-restart-"));
      let restarted: EmbeddedDbServer | undefined;
      const first = await startEmbeddedDbServer({ dataDir: path.join(dir, "pglite") });
      const pool = new pg.Pool({ connectionString: first.url, max: 1 });
      pool.on("error", () => {}); // the idle connection is closed by the restart
      try {
        await pool.query("create table kept (v int)");
        await pool.query({ name: "insert_kept", text: "insert into kept values ($1)", values: [1] });
        const dropped = new Promise((resolve) => pool.once("remove", resolve));
        await first.stop();
        await dropped;
        restarted = await startEmbeddedDbServer({ dataDir: path.join(dir, "pglite"), port: first.port });
        await pool.query({ name: "insert_kept", text: "insert into kept values ($1)", values: [2] });
        expect((await pool.query("select v from kept order by v")).rows.map((r) => r.v)).toEqual([1, 2]);
      } finally {
        await pool.end();
        await restarted?.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);

// ---- a minimal wire-protocol client, for the one case node-postgres never produces (Flush mid-exchange) ----

const int16 = (n: number) => String.fromCharCode((n >> 8) & 0xff, n & 0xff);
const int32 = (n: number) => String.fromCharCode((n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
const cstring = (s: string) => `${s}\0`;
function message(type: string, body: string): Buffer {
  return Buffer.concat([
    Buffer.from(type, "latin1"),
    Buffer.from(int32(4 + Buffer.byteLength(body, "latin1")), "latin1"),
    Buffer.from(body, "latin1"),
  ]);
}

/** Splits backend messages: type byte, int32 length (itself included), body. */
function messages(bytes: Buffer): { type: string; body: Buffer }[] {
  const out = [];
  for (let at = 0; at + 5 <= bytes.length; at += 1 + bytes.readInt32BE(at + 1)) {
    out.push({
      type: String.fromCharCode(bytes[at]!),
      body: bytes.subarray(at + 5, at + 1 + bytes.readInt32BE(at + 1)),
    });
  }
  return out;
}

async function rawConnection(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  let received = Buffer.alloc(0);
  let notify = () => {};
  socket.on("data", (chunk) => {
    received = Buffer.concat([received, chunk]);
    notify();
  });
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  /** Resolves with everything received since the last call once a message of `type` has arrived. */
  const waitFor = (type: number) =>
    new Promise<Buffer>((resolve) => {
      const check = () => {
        for (let at = 0; at + 5 <= received.length; at += 1 + received.readInt32BE(at + 1)) {
          if (received[at] === type && at + 1 + received.readInt32BE(at + 1) <= received.length) {
            const upTo = at + 1 + received.readInt32BE(at + 1);
            const got = received.subarray(0, upTo);
            received = received.subarray(upTo);
            notify = () => {};
            return resolve(got);
          }
        }
      };
      notify = check;
      check();
    });
  const startup = Buffer.from(
    int32(196608) + cstring("user") + cstring("postgres") + cstring("database") + cstring("postgres") + "\0",
    "latin1",
  );
  socket.write(Buffer.concat([Buffer.from(int32(4 + startup.length), "latin1"), startup]));
  await waitFor(0x5a);
  return {
    send: (...messages: Buffer[]) =>
      new Promise<void>((resolve) => socket.write(Buffer.concat(messages), () => resolve())),
    waitFor,
    end: () => socket.end(message("X", "")),
  };
}
