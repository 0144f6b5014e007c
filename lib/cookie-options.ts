import { appUrl } from "./app-url";

/**
 * Options for the store's long-lived first-party cookies (cart, visitor, pay mode): httpOnly, Lax (so they come
 * back on the top-level GET from Paymob's checkout), and Secure whenever the app is served over https. A plain
 * http://localhost demo must still get them back, so Secure follows the app URL, not NODE_ENV.
 */
export function persistentCookie(maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: appUrl().startsWith("https://"),
    path: "/",
    maxAge: maxAgeSeconds,
  };
}
