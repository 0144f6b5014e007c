import "server-only";
import type { Db } from "@/db/client";
import { hitRateLimits, systemClock, type Clock, type RateLimitVerdict } from "@/lib/rate-limit/limiter";
import { MAGIC_LINKS_PER_CLIENT, MAGIC_LINKS_PER_EMAIL } from "@/lib/rate-limit/rules";
import { normalizeEmail } from "./verified-email";

// How many sign-in links may be sent: per mailbox and per client address (lib/rate-limit/rules.ts). Checked in
// Auth.js's signIn callback (auth.ts), which runs before every verification email whichever way it was asked
// for (the login form's server action or a POST to /api/auth/signin/email), so no path skips it.

/** The `error` Auth.js puts in the login URL when a request was refused here. */
const TOO_MANY_LINKS = "TooManyRequests";

/**
 * The mailbox an address delivers to, as the per-address limit counts it: lower-cased, with a "+tag" dropped
 * (ana+1@example.com and ana+2@example.com land in one inbox, so they share one allowance).
 */
export function mailboxKey(email: string): string {
  const normalized = normalizeEmail(email);
  const at = normalized.lastIndexOf("@");
  if (at <= 0) return normalized;
  const local = normalized.slice(0, at);
  const plus = local.indexOf("+");
  return `${plus > 0 ? local.slice(0, plus) : local}${normalized.slice(at)}`;
}

/** Counts one sign-in link for this client and this address; the client is checked first. */
export function limitMagicLinks(
  db: Db,
  request: { email: string; client: string },
  clock: Clock = systemClock,
): Promise<RateLimitVerdict> {
  return hitRateLimits(
    db,
    [
      [MAGIC_LINKS_PER_CLIENT, request.client],
      [MAGIC_LINKS_PER_EMAIL, mailboxKey(request.email)],
    ],
    clock,
  );
}

/** Where a refused request goes: the login page, saying which limit and for how long (read back by tooManyLinksNotice). */
export function tooManyLinksPath(verdict: Extract<RateLimitVerdict, { ok: false }>): string {
  const scope = verdict.rule === MAGIC_LINKS_PER_EMAIL ? "email" : "client";
  return `/login?${new URLSearchParams({ error: TOO_MANY_LINKS, scope, wait: String(verdict.retryAfterSeconds) })}`;
}

const MAX_WAIT_SECONDS = 24 * 60 * 60;

/**
 * A refused request, as the page words it (auth.errors.tooManyForEmail / tooManyFromClient): which limit, and how
 * many seconds until another link may be asked for; `waitSeconds` is null when the URL's is missing or absurd.
 */
export type TooManyLinks = { scope: "email" | "client"; waitSeconds: number | null };

/** The refusal in a URL tooManyLinksPath built; null when it is not one. */
export function tooManyLinksNotice(params: URLSearchParams): TooManyLinks | null {
  if (params.get("error") !== TOO_MANY_LINKS) return null;
  const wait = Number(params.get("wait"));
  const waitSeconds = Number.isInteger(wait) && wait > 0 && wait <= MAX_WAIT_SECONDS ? wait : null;
  return { scope: params.get("scope") === "email" ? "email" : "client", waitSeconds };
}
