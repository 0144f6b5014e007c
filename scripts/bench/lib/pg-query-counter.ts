import net from "node:net";

// Counts the queries an app sends to PostgreSQL from outside the app: a TCP proxy between the app and the server
// reads the frontend→backend half of the wire protocol (v3). Nothing in the app is instrumented, so what is counted
// is what the database really received, whatever driver, ORM or cache sits in between.

/** Request codes a client may send in place of a startup packet (int32 length 8, then the code). */
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
/** No real startup packet is this long; a longer "length" means we are not reading PostgreSQL's protocol. */
const MAX_STARTUP_LENGTH = 10_000;

export type FeedResult = { forward: Buffer; reply?: Buffer };

/**
 * The frontend→backend byte stream of one connection, fed in whatever chunks TCP delivers. The stream opens with
 * length-prefixed startup packets without a type byte (an SSLRequest/GSSENCRequest, then the StartupMessage or a
 * CancelRequest); after the startup message every message is a 1-byte type plus an int32 length that counts itself
 * but not the type. `onMessage` gets each message's type as soon as its header is read: 'Q' is a simple query
 * (one per round trip, even if its text holds several statements), 'E' an extended-protocol Execute (one per
 * statement run: a prepared statement executed twice is two).
 *
 * SSL and GSS encryption requests are answered 'N' here and not forwarded: the stream must stay plaintext for the
 * counter to read it (a client that insists on TLS then fails to connect, loudly, rather than going uncounted).
 */
export class FrontendStream {
  private startup: Buffer | null = Buffer.alloc(0);
  private readonly header = Buffer.alloc(5);
  private headerFill = 0;
  /** Body bytes of the current message not seen yet. */
  private skip = 0;

  constructor(private readonly onMessage: (type: string) => void) {}

  feed(chunk: Buffer): FeedResult {
    if (this.startup === null) {
      this.scan(chunk);
      return { forward: chunk };
    }
    let pending = Buffer.concat([this.startup, chunk]);
    const forward: Buffer[] = [];
    let reply: Buffer | undefined;
    while (this.startup !== null && pending.length >= 8) {
      const length = pending.readInt32BE(0);
      if (length < 8 || length > MAX_STARTUP_LENGTH)
        throw new Error(`not a PostgreSQL startup packet (length ${length})`);
      if (pending.length < length) break;
      const code = pending.readInt32BE(4);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST)
        reply = Buffer.concat([reply ?? Buffer.alloc(0), Buffer.from("N")]);
      else {
        forward.push(pending.subarray(0, length));
        this.startup = null; // StartupMessage or CancelRequest: typed messages follow (or the server hangs up)
      }
      pending = pending.subarray(length);
    }
    if (this.startup === null) {
      this.scan(pending);
      forward.push(pending);
    } else this.startup = pending;
    return { forward: Buffer.concat(forward), reply };
  }

  private scan(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - i);
        this.skip -= n;
        i += n;
        continue;
      }
      this.header[this.headerFill++] = chunk[i++]!;
      if (this.headerFill < 5) continue;
      this.headerFill = 0;
      const length = this.header.readInt32BE(1);
      if (length < 4) throw new Error(`malformed PostgreSQL message (type ${this.header[0]}, length ${length})`);
      this.skip = length - 4;
      this.onMessage(String.fromCharCode(this.header[0]!));
    }
  }
}

export type QueryCounts = { simple: number; execute: number };
export const totalQueries = (c: QueryCounts) => c.simple + c.execute;

export type PgQueryProxy = {
  /** The database URL with host and port pointing at the proxy. */
  url: string;
  counts: () => QueryCounts;
  /** Connections dropped because their stream did not parse (should stay 0). */
  protocolErrors: () => number;
  close: () => Promise<void>;
};

/** Starts the counting proxy on 127.0.0.1 (an OS-picked port) in front of the server `databaseUrl` names. */
export async function startPgQueryProxy(databaseUrl: string): Promise<PgQueryProxy> {
  const upstream = new URL(databaseUrl);
  const counts: QueryCounts = { simple: 0, execute: 0 };
  let protocolErrors = 0;
  const sockets = new Set<net.Socket>();
  const onMessage = (type: string) => {
    if (type === "Q") counts.simple++;
    else if (type === "E") counts.execute++;
  };

  const server = net.createServer((client) => {
    const backend = net.connect({ host: upstream.hostname, port: Number(upstream.port || 5432) });
    const stream = new FrontendStream(onMessage);
    for (const socket of [client, backend]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.on("error", () => {}); // the other side is closed below; the driver reports its own error
      socket.on("close", () => {
        sockets.delete(socket);
        client.destroy();
        backend.destroy();
      });
    }
    client.on("data", (chunk: Buffer) => {
      let result: FeedResult;
      try {
        result = stream.feed(chunk);
      } catch {
        protocolErrors++;
        client.destroy();
        return;
      }
      if (result.reply) client.write(result.reply);
      if (result.forward.length > 0 && !backend.write(result.forward)) {
        client.pause();
        backend.once("drain", () => client.resume());
      }
    });
    backend.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(address.port);
  return {
    url: url.toString(),
    counts: () => ({ ...counts }),
    protocolErrors: () => protocolErrors,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
