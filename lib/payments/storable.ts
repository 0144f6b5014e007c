import "server-only";

// PostgreSQL text cannot hold U+0000, and jsonb also refuses lone UTF-16 surrogates. Anyone can send those
// (a raw NUL byte in the body, `?hmac=%00`, or "\u0000" / "\ud800" escapes inside JSON strings), and storing
// them verbatim makes the insert fail: the callback would answer 503, and Paymob would retry it forever.
// They are replaced by U+FFFD, as a UTF-8 decoder does. Verification always runs on the values as received.

const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Raw text that holds a NUL, or JSON text that escapes one or a surrogate (rare: clean bodies skip the deep copy). */
const MAY_HOLD_UNSTORABLE = /\0|\\u0000|\\u[dD][89a-fA-F]/;

export function storableText(text: string): string;
export function storableText(text: string | null): string | null;
export function storableText(text: string | null): string | null {
  return text === null ? null : text.replace(UNSTORABLE, "\uFFFD");
}

/** `value` with every string made storable; the same object when `sourceText` shows there is nothing to fix. */
export function storableValues<T>(value: T, sourceText: string): T {
  return MAY_HOLD_UNSTORABLE.test(sourceText) ? deepStorable(value) : value;
}

function deepStorable<T>(value: T): T {
  if (typeof value === "string") return storableText(value) as T;
  if (Array.isArray(value)) return value.map(deepStorable) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [storableText(key), deepStorable(child)]),
    ) as T;
  }
  return value;
}
