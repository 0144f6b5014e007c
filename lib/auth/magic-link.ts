import { z } from "zod";

// A sign-in link opens a confirmation page ("Sign in as x@y") and only that page's POST consumes the token.
// Two attacks are stopped this way: login CSRF (someone sends you a link they requested for THEIR address;
// opening it would sign you into their account, and whatever you then order shows them your address), and mail
// scanners that fetch every link in a message and would spend the one-time token before the person clicks.

/** The page the email links to. */
export const CONFIRM_PATH = "/login/confirm";
/** Auth.js's callback for the email provider (basePath /api/auth, provider id "email"): this consumes tokens. */
const EMAIL_CALLBACK_PATH = "/api/auth/callback/email";
const AUTH_BASE_PATH = "/api/auth/";

/**
 * Whether Auth.js would read this path as the email callback. It ignores empty segments, so
 * "/api/auth//callback/email/" counts too (parseActionAndProviderId in @auth/core), and so must we.
 */
export function isEmailCallbackPath(pathname: string): boolean {
  if (!pathname.startsWith(AUTH_BASE_PATH)) return false;
  const segments = pathname.slice(AUTH_BASE_PATH.length).split("/").filter(Boolean);
  return segments.length === 2 && `${AUTH_BASE_PATH}${segments.join("/")}` === EMAIL_CALLBACK_PATH;
}

export type MagicLink = { token: string; email: string; callbackUrl: string };

const linkSchema = z.object({
  token: z.string().min(1).max(512),
  email: z.email().max(254),
  callbackUrl: z.string().max(2048).default("/account/orders"),
});

/** The three parameters Auth.js puts in a sign-in link, or null when any is missing or malformed. */
export function parseMagicLink(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): MagicLink | null {
  const read = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    return typeof value === "string" ? value : undefined;
  };
  const parsed = linkSchema.safeParse({ token: read("token"), email: read("email"), callbackUrl: read("callbackUrl") });
  return parsed.success ? parsed.data : null;
}

/** The link to email: the URL Auth.js built for its callback, pointed at the confirmation page instead. */
export function confirmationLink(authJsUrl: string): string {
  const url = new URL(authJsUrl);
  return new URL(`${CONFIRM_PATH}${url.search}`, url.origin).toString();
}

/** Where the confirmation page's form posts. callbackUrl is checked again by Auth.js's redirect callback. */
export function emailCallbackPath(link: MagicLink): string {
  return `${EMAIL_CALLBACK_PATH}?${new URLSearchParams({ callbackUrl: link.callbackUrl, token: link.token, email: link.email })}`;
}
