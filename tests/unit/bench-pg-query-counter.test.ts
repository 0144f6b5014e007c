import { describe, expect, it } from "vitest";
import { FrontendStream } from "@/scripts/bench/lib/pg-query-counter";

// bench:pages reports DB queries per page view by reading the app's PostgreSQL traffic; these are the framing rules
// that count must follow, whatever chunks TCP cuts the stream into.

const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const startupPacket = (code: number, body = Buffer.alloc(0)) =>
  Buffer.concat([int32(8 + body.length), int32(code), body]);
const message = (type: string, body: string | Buffer) => {
  const bytes = typeof body === "string" ? Buffer.from(body, "latin1") : body;
  return Buffer.concat([Buffer.from(type), int32(4 + bytes.length), bytes]);
};

const SSL_REQUEST = startupPacket(80877103);
const STARTUP = startupPacket(196608, Buffer.from("user\0postgres\0database\0shop\0\0"));
// Bodies full of 'Q' and 'E' bytes, and one whose length field itself holds 'E' (0x45) and 'Q' (0x51): a counter
// that looks for type letters anywhere instead of following the lengths counts far more than 4 queries here.
const MESSAGES = [
  message("Q", "select 'QQQ EEE' as q"),
  message("P", "\0select $1::text as e\0\0\0"),
  message("B", Buffer.concat([Buffer.from("\0\0\0\0\0\x01"), int32(3), Buffer.from("EQE\0\0")])),
  message("D", "P\0"),
  message("E", "\0\0\0\0\0"),
  message("S", ""),
  message("E", "\0\0\0\0\0"),
  message("S", ""),
  message("Q", "E".repeat(0x45 * 256 + 0x51 - 4)),
  message("X", ""),
];
const EXPECTED_TYPES = ["Q", "P", "B", "D", "E", "S", "E", "S", "Q", "X"];
const STREAM = Buffer.concat([SSL_REQUEST, STARTUP, ...MESSAGES]);

function feedInChunks(chunks: Buffer[]) {
  const types: string[] = [];
  const stream = new FrontendStream((type) => types.push(type));
  const forwarded: Buffer[] = [];
  const replies: Buffer[] = [];
  for (const chunk of chunks) {
    const result = stream.feed(chunk);
    forwarded.push(result.forward);
    if (result.reply) replies.push(result.reply);
  }
  return { types, forwarded: Buffer.concat(forwarded), replies: Buffer.concat(replies).toString() };
}

describe("bench:pages PostgreSQL query counter", () => {
  it("reads each message's type by its length, answers the SSL request 'N' and forwards the rest untouched", () => {
    expect(MESSAGES[8]!.subarray(1, 5)).toEqual(Buffer.from([0, 0, 0x45, 0x51]));
    const { types, forwarded, replies } = feedInChunks([STREAM]);
    expect(types).toEqual(EXPECTED_TYPES);
    expect(replies).toBe("N");
    expect(forwarded).toEqual(STREAM.subarray(SSL_REQUEST.length));
  });

  it("gives the same answer wherever TCP splits the stream", () => {
    for (let cut = 1; cut < STREAM.length; cut += cut < 400 ? 1 : 997) {
      const result = feedInChunks([STREAM.subarray(0, cut), STREAM.subarray(cut)]);
      expect(result.types, `split at ${cut}`).toEqual(EXPECTED_TYPES);
      expect(result.replies, `split at ${cut}`).toBe("N");
      expect(result.forwarded.equals(STREAM.subarray(SSL_REQUEST.length)), `split at ${cut}`).toBe(true);
    }
    const bytes = Array.from({ length: 300 }, (_, i) => STREAM.subarray(i, i + 1));
    const small = feedInChunks([...bytes, STREAM.subarray(300)]);
    expect(small.types).toEqual(EXPECTED_TYPES);
  });

  it("counts from the first message when the client asks for no encryption", () => {
    expect(feedInChunks([Buffer.concat([STARTUP, message("Q", "select 1")])])).toMatchObject({
      types: ["Q"],
      replies: "",
    });
  });

  it("refuses a stream it cannot frame rather than counting garbage", () => {
    expect(() => new FrontendStream(() => {}).feed(Buffer.from("GET / HTTP/1.1\r\n\r\n"))).toThrow(/startup packet/);
    const stream = new FrontendStream(() => {});
    stream.feed(STARTUP);
    expect(() => stream.feed(Buffer.concat([Buffer.from("Q"), int32(2)]))).toThrow(/malformed/);
  });
});
