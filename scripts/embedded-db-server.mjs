// Serves one PGlite folder over the Postgres wire protocol on a loopback port, so several processes (the app,
// a seed, drizzle-kit) can share it: a PGlite folder opened by two processes is silently corrupted.
//
// PGlite is ONE Postgres session. @electric-sql/pglite-socket's server (and its `pglite-server` CLI, 0.2.17)
// shares that session between connections, only keeping an explicit transaction to one connection, which breaks
// real clients in two ways: a named prepared statement outlives the connection that made it
// (node-postgres drops an idle connection after 10 s, the next one prepares the same name again: 42P05
// "prepared statement already exists", and every callback failed from then on), and the messages of two
// connections' extended-protocol exchanges interleave (one connection's Bind can land on the other's Parse).
// So this server gives each connection what a Postgres backend would:
//   - its own namespace for prepared statements and portals (names are prefixed per connection on the way in),
//     closed when the connection goes away;
//   - the session to itself from its first message until Postgres says it is idle again (ReadyForQuery 'I'):
//     a whole Parse…Sync exchange, or a whole transaction, never interleaves with another connection's;
//   - a rollback when it disappears inside a transaction.
// Session settings (SET), temporary tables and advisory locks remain shared, as in any single-session
// database; the app uses none of them.
import net from "node:net";
import { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

/**
 * Opens `dataDir` (or `memory://`) and serves it on 127.0.0.1:`port` (0 = any free port).
 * `onEvent({ type: "open" | "wait" | "close", id })` reports each client connection, and when one waits for the
 * session another holds (tests wait on these instead of on time).
 */
export async function startEmbeddedDbServer({ dataDir, port = 0, maxConnections = 64, onEvent = () => {} }) {
  const db = dataDir === "memory://" ? await PGlite.create() : await PGlite.create(dataDir);
  const session = new SessionLock();
  const connections = new Set();
  let nextId = 1;

  const server = net.createServer((socket) => {
    if (connections.size >= maxConnections) {
      socket.end(errorResponse("FATAL", "53300", "sorry, too many clients already"));
      return;
    }
    const connection = new Connection(nextId++, socket, db, session, onEvent, () => {
      connections.delete(connection);
      onEvent({ type: "close", id: connection.id });
    });
    connections.add(connection);
    onEvent({ type: "open", id: connection.id });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const actualPort = server.address().port;
  return {
    port: actualPort,
    url: `postgres://postgres:postgres@127.0.0.1:${actualPort}/postgres`,
    connectionCount: () => connections.size,
    stop: async () => {
      const closing = new Promise((resolve) => server.close(resolve));
      await Promise.all([...connections].map((c) => c.close()));
      await closing;
      await db.close();
    },
  };
}

/** Who has the PGlite session right now; everyone else waits in arrival order. */
class SessionLock {
  holder = null;
  waiters = [];

  async acquire(id) {
    if (this.holder === id) return;
    if (this.holder === null) {
      this.holder = id;
      return;
    }
    await new Promise((resolve) => this.waiters.push({ id, resolve }));
  }

  release(id) {
    if (this.holder !== id) return;
    const next = this.waiters.shift();
    this.holder = next ? next.id : null;
    next?.resolve();
  }
}

class Connection {
  /** Bytes received but not yet a whole message. */
  buffer = Buffer.alloc(0);
  started = false;
  closed = false;
  /** Messages run strictly in arrival order, one at a time. */
  work = Promise.resolve();
  /** Prefixed statement names this connection created, closed when it goes away. */
  statements = new Set();
  /** The last ReadyForQuery status Postgres sent this connection: 'I' idle, 'T' in a transaction, 'E' failed one. */
  status = "I";
  /** True from a message that needs the session until the ReadyForQuery that ends it. */
  holding = false;

  constructor(id, socket, db, session, onEvent, onClosed) {
    this.id = id;
    this.onEvent = onEvent;
    this.socket = socket;
    this.db = db;
    this.session = session;
    this.onClosed = onClosed;
    this.prefix = `c${id}_`;
    socket.setNoDelay(true);
    socket.on("data", (chunk) => this.receive(chunk));
    socket.on("error", () => this.close());
    socket.on("close", () => this.close());
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const message = this.takeMessage();
      if (!message) return;
      // A failure ends the connection; its socket's close event then cleans up (close() waits for this chain).
      this.work = this.work.then(() => this.handle(message)).catch(() => this.socket.destroy());
    }
  }

  /** Cuts one whole message off the buffer: the untyped startup packets first, then typed messages. */
  takeMessage() {
    if (!this.started) {
      if (this.buffer.length < 8) return undefined;
      const length = this.buffer.readInt32BE(0);
      if (this.buffer.length < length) return undefined;
      const message = this.buffer.subarray(0, length);
      this.buffer = this.buffer.subarray(length);
      return { type: "startup", code: message.readInt32BE(4), bytes: message };
    }
    if (this.buffer.length < 5) return undefined;
    const length = 1 + this.buffer.readInt32BE(1);
    if (this.buffer.length < length) return undefined;
    const bytes = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return { type: String.fromCharCode(bytes[0]), bytes };
  }

  async handle(message) {
    if (this.closed) return;
    if (message.type === "startup") {
      if (message.code === SSL_REQUEST || message.code === GSSENC_REQUEST) return void this.socket.write("N");
      if (message.code === CANCEL_REQUEST) return void this.socket.end(); // PGlite has no backend to signal
      this.started = true;
      return this.run(message.bytes);
    }
    if (message.type === "X") return void this.socket.destroy(); // Terminate: the close event cleans up
    return this.run(this.namespaced(message));
  }

  /** Runs one message with the session held, and lets go once Postgres reports the session idle. */
  async run(bytes) {
    if (!this.holding) {
      if (this.session.holder !== null && this.session.holder !== this.id) this.onEvent({ type: "wait", id: this.id });
      await this.session.acquire(this.id);
      this.holding = true;
    }
    if (this.closed) return;
    const tail = [];
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(new Uint8Array(bytes), {
        onRawData: (data) => {
          if (data.length === 0) return;
          tail.push(...data.subarray(Math.max(0, data.length - 6)));
          if (tail.length > 6) tail.splice(0, tail.length - 6);
          if (!this.socket.destroyed) this.socket.write(Buffer.from(data));
        },
      }),
    );
    // ReadyForQuery is 'Z', length 5, status: it ends every Sync and every simple Query.
    if (tail.length === 6 && tail[0] === 0x5a && tail[4] === 5) {
      this.status = String.fromCharCode(tail[5]);
      if (this.status === "I") this.letGo();
    }
  }

  letGo() {
    if (!this.holding) return;
    this.holding = false;
    this.session.release(this.id);
  }

  /**
   * Gives statement and portal names this connection's prefix: Parse and Bind carry them, Describe, Execute and
   * Close name one. The unnamed ones ("") stay unnamed: the session is held from Parse to Sync, so nobody else
   * can replace them in between.
   */
  namespaced({ type, bytes }) {
    const fields = { P: ["statement"], B: ["portal", "statement"], E: ["portal"], D: ["kind"], C: ["kind"] }[type];
    if (!fields) return bytes;
    let offset = 5;
    const parts = [];
    for (const field of fields) {
      let kind = field;
      if (field === "kind") {
        kind = bytes[offset] === 0x53 ? "statement" : "portal"; // 'S' or 'P'
        parts.push(bytes.subarray(offset, offset + 1));
        offset += 1;
      }
      const end = bytes.indexOf(0, offset);
      const name = bytes.toString("utf8", offset, end);
      const renamed = name === "" ? "" : `${this.prefix}${name}`;
      if (kind === "statement" && renamed && type === "P") this.statements.add(renamed);
      if (kind === "statement" && renamed && type === "C") this.statements.delete(renamed);
      parts.push(Buffer.from(`${renamed}\0`, "utf8"));
      offset = end + 1;
    }
    parts.push(bytes.subarray(offset));
    const body = Buffer.concat(parts);
    const header = Buffer.alloc(5);
    header[0] = bytes[0];
    header.writeInt32BE(4 + body.length, 1);
    return Buffer.concat([header, body]);
  }

  /** Leaves the session as a new connection would find it: no open transaction, none of this one's statements. */
  async close() {
    if (this.closed) return this.closing;
    this.closed = true;
    this.closing = (async () => {
      this.socket.destroy();
      await this.work.catch(() => {});
      const leftovers = this.holding || this.statements.size > 0;
      if (leftovers && this.started) {
        if (!this.holding) await this.session.acquire(this.id);
        this.holding = true;
        try {
          // A Sync ends an unfinished Parse…Bind exchange; then roll back whatever transaction it left open.
          // (db.exec takes PGlite's own query lock, so it runs outside runExclusive.)
          await this.db.runExclusive(() => this.db.execProtocolRaw(new Uint8Array([0x53, 0, 0, 0, 4])));
          if (this.db.isInTransaction()) await this.db.exec("rollback");
          for (const name of this.statements)
            await this.db.exec(`deallocate "${name.replaceAll('"', '""')}"`).catch(() => {});
        } catch {
          // The database is closing underneath us (server stop); nothing left to clean.
        }
      }
      this.statements.clear();
      this.letGo();
      this.onClosed();
    })();
    return this.closing;
  }
}

/** A Postgres ErrorResponse, for refusing a connection before it reaches PGlite. */
function errorResponse(severity, code, text) {
  const fields = Buffer.from(`S${severity}\0V${severity}\0C${code}\0M${text}\0\0`, "utf8");
  const header = Buffer.alloc(5);
  header[0] = 0x45; // 'E'
  header.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([header, fields]);
}
