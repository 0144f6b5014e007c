import { z } from "zod";
import { routing, type AppLocale } from "@/lib/i18n/routing";
import { localizedPath } from "@/lib/mail/localized-path";

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

/**
 * The link to email: the URL Auth.js built for its callback, pointed at the confirmation page instead, in the
 * language the link was asked for in (/ar/login/confirm for Arabic).
 */
export function confirmationLink(authJsUrl: string, locale: AppLocale = routing.defaultLocale): string {
  const url = new URL(authJsUrl);
  return new URL(`${localizedPath(CONFIRM_PATH, locale)}${url.search}`, url.origin).toString();
}

// Which language the sign-in email is written in. Auth.js calls sendVerificationRequest with the address, the
// link and the sign-in request, but no locale, and the request it passes is one next-auth's signIn() builds
// itself: the page's headers are copied, its URL is not. So the login form's server action, which knows the
// page's locale (getLocale()), names it in the one place signIn() lets a caller add to that request: the query
// of Auth.js's sign-in URL (signIn's third argument, `authorizationParams`, which the email provider ignores).
// Chosen over a per-request store (AsyncLocalStorage, next-intl's request config) because the value then
// travels with the request Auth.js hands over: it also works for a POST to /api/auth/signin/email?lang=ar, and
// a test can see it. Over putting it in the callbackUrl: that is the page to land on after signing in (a path
// the redirect rules check), not a setting. Anyone can put any value here, so only the store's locales pass
// (zod); the rest, or none, is English. It decides the words of an email to the address asked for, nothing else.
const SIGN_IN_LOCALE_PARAM = "lang";
const signInLocaleSchema = z.enum(routing.locales).catch(routing.defaultLocale);

/** The `authorizationParams` for signIn() that carry the page's language to the email. */
export function signInLocaleParams(locale: AppLocale): Record<string, string> {
  return { [SIGN_IN_LOCALE_PARAM]: locale };
}

/** The language a sign-in request asked for, read from the request Auth.js gives sendVerificationRequest. */
export function signInLocale(request: Request | undefined): AppLocale {
  const value = request ? new URL(request.url).searchParams.get(SIGN_IN_LOCALE_PARAM) : null;
  return signInLocaleSchema.parse(value ?? undefined);
}

/** Where the confirmation page's form posts. callbackUrl is checked again by Auth.js's redirect callback. */
export function emailCallbackPath(link: MagicLink): string {
  return `${EMAIL_CALLBACK_PATH}?${new URLSearchParams({ callbackUrl: link.callbackUrl, token: link.token, email: link.email })}`;
}
