/**
 * True for `application/json`, with or without parameters (`; charset=utf-8`), in any letter case: what Paymob
 * sends its callbacks as. Anything else, or no Content-Type at all, was not sent by Paymob.
 */
export function isJsonContentType(header: string | null): boolean {
  const mediaType = header?.split(";", 1)[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

/**
 * Reads a request body as UTF-8 text, giving up (null) as soon as it exceeds `limit` bytes: a declared
 * Content-Length over the limit is refused before reading, and a body without one is cut off mid-stream,
 * so an oversized POST never sits in memory whole.
 */
export async function readBodyWithin(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Bounded: every iteration consumes a non-empty chunk, and we stop past `limit` bytes.
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
