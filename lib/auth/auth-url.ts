import { appUrl } from "@/lib/app-url";
import { logger } from "@/lib/logger";

type Env = Record<string, string | undefined>;

/** The origin every Auth.js URL is built on: the app's configured public origin (APP_URL, see appUrl()). */
export function authOrigin(env: Env = process.env): string {
  const url = appUrl(env);
  try {
    return new URL(url).origin;
  } catch {
    throw new Error(`APP_URL must be a full URL like https://shop.example.com (got ${url}).`);
  }
}

/**
 * Makes Auth.js build every URL (the magic link in the email, OAuth's redirect_uri, its own redirects) on
 * APP_URL's origin. Without AUTH_URL, next-auth takes the origin from the request: X-Forwarded-Host, then Host
 * (`createActionURL` in @auth/core, `reqWithEnvURL` in next-auth), and anyone can send those headers, so a
 * request with `X-Forwarded-Host: evil.example` got a sign-in link to evil.example mailed to a real customer.
 * AUTH_URL is the one switch next-auth 5 reads for this, at every request, for route handlers, server actions
 * (signIn/signOut) and auth() alike, so it is set here from APP_URL and the request's headers stop mattering.
 * APP_URL wins over an AUTH_URL set by hand (with a warning): two public origins would mean sign-in links to
 * one site and Paymob callbacks to the other.
 */
export function pinAuthUrl(env: Env = process.env): void {
  const origin = authOrigin(env);
  const given = env.AUTH_URL?.trim();
  if (given && originOf(given) !== origin) {
    logger.warn(
      { scope: "auth", authUrl: given, using: origin },
      "AUTH_URL names another site than APP_URL; using APP_URL. Remove AUTH_URL: it is set from APP_URL.",
    );
  }
  env.AUTH_URL = origin;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
