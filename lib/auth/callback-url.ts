/**
 * Where to send someone after signing in or out: a path on this site only. Anything else falls back, so the
 * login page and Auth.js cannot be used as an open redirect.
 *
 * The check runs on the path AFTER the URL parser has normalised it, because normalising changes meaning:
 * "/..//evil.example" resolves to "//evil.example", which a browser reads as another host. Raw input with a
 * backslash or a control character is refused outright: browsers treat "\" as "/" and silently drop tabs and
 * newlines, so "/\evil.example" and "/\t/evil.example" both mean "//evil.example" to them. Percent-encoded
 * forms ("/%2F%2F", "/%5C", double-encoded "%252F") are refused too: a path that decodes to one of these is
 * never a real page here, and a proxy or framework that decodes once more must not turn it into a redirect.
 */
const INTERNAL_ORIGIN = "http://internal.invalid";
const MAX_LENGTH = 2048;
// Control characters (C0, DEL) and the backslash, which browsers and URL parsers rewrite or drop.
const REWRITTEN_BY_BROWSERS = /[\u0000-\u001f\u007f\\]/;

export function safeCallbackPath(value: unknown, fallback = "/account/orders"): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return fallback;
  if (REWRITTEN_BY_BROWSERS.test(value) || !value.startsWith("/") || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, INTERNAL_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== INTERNAL_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return isPlainLocalPath(url.pathname) ? path : fallback;
}

/** A normalised pathname that stays a path on this host however many times it is percent-decoded. */
function isPlainLocalPath(pathname: string): boolean {
  let current = pathname;
  for (let round = 0; round < 4; round++) {
    if (!current.startsWith("/") || current.startsWith("//") || REWRITTEN_BY_BROWSERS.test(current)) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return false; // malformed escapes: not a page of ours
    }
    if (decoded === current) return true;
    current = decoded;
  }
  return false; // still decoding after four rounds: only an attack is encoded that deep
}

/**
 * Auth.js's redirect callback: the URL it is about to send the browser to (after sign-in, sign-out, or a
 * callbackUrl handed to it) becomes an absolute URL on the configured origin, or that origin's home page.
 */
export function authRedirect(url: string, baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  let path: string | null = null;
  if (url.startsWith("/")) {
    path = url;
  } else {
    try {
      const parsed = new URL(url);
      if (parsed.origin === origin) path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
    } catch {
      path = null;
    }
  }
  return `${origin}${safeCallbackPath(path, "/")}`;
}
