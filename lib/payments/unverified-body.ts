import "server-only";
import { createHash } from "node:crypto";
import { storableText } from "./storable";

// What an operator needs from a request nobody vouches for (a bad or missing signature, a malformed body):
// enough to recognise it (hash, size, the start of it), not the whole 64 KiB. Anyone can POST to the callback
// URL, so keeping such bodies whole let anyone grow payment_events by ~69 MB per 1,000 requests. Verified
// callbacks are kept whole (they are replayed from it).

/** The part of an unverified body that is kept: the envelope and the ids Paymob puts first. */
const UNVERIFIED_EXCERPT_BYTES = 2048;
/** A real `hmac` is 128 hex characters; anything longer is cut to this. */
const UNVERIFIED_SIGNATURE_CHARS = 256;

export type BodyRecord = { text: string; sha256: string; bytes: number; truncated: boolean };

/** The whole body, with its hash and size: for rows that keep everything. */
export function wholeBody(raw: string): BodyRecord {
  const bytes = Buffer.from(raw, "utf8");
  return { text: storableText(raw), sha256: sha256(bytes), bytes: bytes.length, truncated: false };
}

/** The first 2 KiB (cut at a character boundary), with the hash and size of the whole body. */
export function bodyExcerpt(raw: string, limit = UNVERIFIED_EXCERPT_BYTES): BodyRecord {
  const bytes = Buffer.from(raw, "utf8");
  if (bytes.length <= limit)
    return { text: storableText(raw), sha256: sha256(bytes), bytes: bytes.length, truncated: false };
  let end = limit;
  // Back up over UTF-8 continuation bytes (10xxxxxx), so the excerpt never ends in half a character.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return {
    text: storableText(bytes.subarray(0, end).toString("utf8")),
    sha256: sha256(bytes),
    bytes: bytes.length,
    truncated: true,
  };
}

/** The received `?hmac=`, bounded: kept to tell a wrong secret from garbage, not to store whatever was sent. */
export function signatureExcerpt(hmac: string | null): string | null {
  return storableText(hmac === null ? null : hmac.slice(0, UNVERIFIED_SIGNATURE_CHARS));
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
