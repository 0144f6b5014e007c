import { appUrl, isLoopbackUrl } from "@/lib/app-url";

// Is this emulator reachable by strangers, and where may it send servers and browsers?
//
// Local (APP_URL on loopback: `npm start`, `npm run dev`, the test suites): open as it always was, and any
// notification_url works, because tests and developers point callbacks at their own receivers.
// Public (any other APP_URL: a Vercel preview without keys, a demo with ALLOW_EMULATOR_IN_PRODUCTION=1): the
// server must not become a proxy into the network it runs in (SSRF), so callbacks and the browser hand-off only
// ever go to the app's own origin, the origin every URL the app builds starts with.

type Env = Record<string, string | undefined>;

/** `appOrigin` null: public, but with no usable origin of its own, so nothing is allowed. */
export type Exposure = { public: false } | { public: true; appOrigin: string | null };

/** Read per call, like the emulator's other switches, so a test (or a redeploy) can change it. */
export function emulatorExposure(env: Env = process.env): Exposure {
  let app: URL;
  try {
    app = new URL(appUrl(env));
  } catch {
    // An unparseable APP_URL stops the app at start (lib/env.ts); should it get here anyway, stay closed.
    return { public: true, appOrigin: null };
  }
  // The same loopback rule that decides whether a store is public (lib/app-url.ts); anything else is public.
  return isLoopbackUrl(app.href) ? { public: false } : { public: true, appOrigin: app.origin };
}

export type UrlRole = "notification_url" | "redirection_url";

/**
 * Why `target` may not receive a callback (or the customer's browser) from this emulator; null when it may.
 * Only the origin counts: the path and query are the merchant's (a Vercel protection-bypass parameter rides
 * in the query). Credentials in the URL are refused too, as nothing the app builds carries them.
 */
export function urlRefusal(target: string, role: UrlRole, exposure: Exposure = emulatorExposure()): string | null {
  if (!exposure.public) return null;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return `${role} is not a valid URL.`;
  }
  const own =
    exposure.appOrigin !== null &&
    (url.protocol === "https:" || url.protocol === "http:") &&
    url.origin === exposure.appOrigin;
  if (own && !url.username && !url.password) return null;
  return `This emulator is public, so ${role} must be on this app's own origin (${exposure.appOrigin ?? "APP_URL is not a valid URL"}); ${url.origin} is not.`;
}

/** DRF-shaped field errors for an intention's URLs (Paymob answers 400 {"field": ["message"]}); null when both are fine. */
export function intentionUrlErrors(
  urls: Partial<Record<UrlRole, string>>,
  exposure: Exposure = emulatorExposure(),
): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  for (const role of ["notification_url", "redirection_url"] as const) {
    const value = urls[role];
    const refusal = value === undefined ? null : urlRefusal(value, role, exposure);
    if (refusal) errors[role] = [refusal];
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
