/**
 * Where to send someone after signing in: a path on this site only. Anything else (an absolute URL, a
 * protocol-relative "//evil.example", a backslash trick) falls back to the default, so the login page cannot be
 * used as an open redirect.
 */
export function safeCallbackPath(value: unknown, fallback = "/account/orders"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  try {
    const url = new URL(value, "http://internal.invalid");
    if (url.origin !== "http://internal.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
