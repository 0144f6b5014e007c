import NextAuth, { type NextAuthRequest } from "next-auth";
import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "./auth.config";
import { localizedPath } from "./lib/i18n/localized-path";
import { isAppLocale, routing, type AppLocale } from "./lib/i18n/routing";
import { sortRewritePath } from "./lib/catalog/sort-rewrite";
import { logger } from "./lib/logger";
import { EMULATOR_MOUNT } from "./lib/paymob/emulator-credentials";
import { isEmbeddableEverywhere, pageSecurityHeaders } from "./lib/security-headers";
import { malformedActionReason } from "./lib/server-actions/request-shape";

// The adapter-free config: the JWT session cookie is verified here without a database (see auth.config.ts).
const { auth } = NextAuth(authConfig);

/**
 * Runs before every page, server action and emulator request (not the API routes or static files):
 * - A server action call that no action of this app can take (say, a string where the form goes) is refused
 *   with a 400 instead of reaching the action and failing there with a 500 (lib/server-actions/request-shape.ts).
 * - Content-Security-Policy from the running configuration, not the build's (a build made without Paymob keys
 *   and started with them must allow Paymob), with a fresh nonce per request. Next.js reads the nonce back from
 *   the request's policy header and puts it on every script it renders (every page is rendered per request).
 * - The language (next-intl): /ar/… is Arabic, a bare path English, /en/… redirects to the bare path; a first
 *   visit with an Arabic Accept-Language goes to /ar/…, and the NEXT_LOCALE cookie (set by the language switcher)
 *   wins over Accept-Language afterwards. Bare paths are rewritten to app/[locale] with `en`.
 * - Signed-out visitors go from /account (or /ar/account) to the login page in their language, then back. Convenience only: every account page
 *   checks the session itself (requireViewer), and /admin is deliberately absent: it answers 404 to anyone who
 *   is not an admin, signed in or not, rather than advertising itself with a redirect to /login.
 * - A sorted home page or shelf (?sort=) is rewritten to the page for that sort, which reads no searchParams
 *   (lib/catalog/sort-rewrite.ts); the address bar keeps ?sort=.
 */
export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const { pathname } = request.nextUrl;
  const malformed = await malformedActionReason(request);
  if (malformed) {
    logger.warn(
      { scope: "server-action", path: pathname, reason: malformed },
      "400 for a malformed server action call",
    );
    return new Response(`Malformed server action request: ${malformed}.\n`, {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  // The emulator's pages are plain HTML strings with inline scripts; they cannot carry Next's nonce.
  const nonce = pathname.startsWith(EMULATOR_MOUNT) ? undefined : newNonce();
  const headers = pageSecurityHeaders(process.env, {
    nonce,
    dev: process.env.NODE_ENV === "development",
    embeddable: isEmbeddableEverywhere(pathname),
  });
  // Next.js reads the nonce back from the request's policy header. next-intl's middleware forwards the request's
  // headers (adding its locale header) on every rewrite and pass-through it makes, so setting it here covers those.
  for (const { key, value } of headers) if (key === "Content-Security-Policy") request.headers.set(key, value);

  const response = isLocalized(pathname)
    ? await localizedPage(request, event)
    : NextResponse.next({ request: { headers: request.headers } });
  for (const { key, value } of headers) response.headers.set(key, value);
  return response;
}

/**
 * A store page: next-intl picks the language (the /ar prefix, else the NEXT_LOCALE cookie, else Accept-Language;
 * /en/… redirects to the bare path) and rewrites bare paths to /en/…; then the account check and the ?sort=
 * rewrite run on the address without its prefix. A redirect from next-intl is answered as it is.
 */
async function localizedPage(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  if (isOwnEnglishRewrite(request)) {
    return NextResponse.next({ request: { headers: intlRequestHeaders(request, routing.defaultLocale) } });
  }
  const intl = isNavigation(request) ? intlMiddleware(request) : intlForActions(request);
  if (intl.headers.has("location")) return intl;
  const { locale, path } = splitLocale(request.nextUrl.pathname);
  // next-intl's rewrite of a bare path is rebuilt here from request.nextUrl (as the ?sort= rewrite always was): its
  // own, built on request.url, was taken for an external URL and proxied back through here, to its /en redirect.
  const forward = () => {
    const sorted = sortRewritePath(path, request.nextUrl.searchParams);
    const internal = `/${locale}${sorted ?? (path === "/" ? "" : path)}`;
    const init = { request: { headers: intlRequestHeaders(request, locale) } };
    let response: NextResponse;
    if (internal === request.nextUrl.pathname) {
      response = NextResponse.next(init);
    } else {
      const target = request.nextUrl.clone(); // keeps the query string, which the sorted pages ignore
      target.pathname = internal;
      response = NextResponse.rewrite(target, init);
    }
    // next-intl's answer may carry the locale cookie and the hreflang Link header; ours keeps them.
    for (const [key, value] of intl.headers)
      if (key === "set-cookie" || key === "link") response.headers.append(key, value);
    return response;
  };
  if (!isAccountPage(path)) return forward();
  return (await requireSignIn(locale, forward)(request, event)) ?? forward();
}

const intlMiddleware = createMiddleware(routing);

// A server action or form post is never redirected (a browser would not repeat a POST body across a 307 to
// another language), nor does it move the locale cookie: a bare path is English, /ar/… Arabic, as addressed.
const intlForActions = createMiddleware({ ...routing, localeDetection: false, localeCookie: false });

const isNavigation = (request: NextRequest) => request.method === "GET" || request.method === "HEAD";

/**
 * Paths that are pages in a language. Not the emulator (Paymob's API shape, never locale-redirected), nor files
 * and metadata routes that live outside app/[locale] (robots.txt, sitemap.xml, the share images).
 */
function isLocalized(pathname: string): boolean {
  if (pathname === EMULATOR_MOUNT || pathname.startsWith(`${EMULATOR_MOUNT}/`)) return false;
  const last = pathname.slice(pathname.lastIndexOf("/") + 1);
  return !last.includes(".") && !last.startsWith("opengraph-image");
}

/** The locale a page is served in once next-intl let it through, and its path without the prefix. */
function splitLocale(pathname: string): { locale: AppLocale; path: string } {
  const [, first = "", ...rest] = pathname.split("/");
  if (isAppLocale(first)) return { locale: first, path: `/${rest.join("/")}` };
  return { locale: routing.defaultLocale, path: pathname };
}

/** What next-intl's middleware would forward: the request's headers (with the policy) and the resolved locale. */
function intlRequestHeaders(request: NextRequest, locale: AppLocale): Headers {
  const forwarded = new Headers(request.headers);
  forwarded.set("X-NEXT-INTL-LOCALE", locale);
  forwarded.set(OWN_REWRITE_HEADER, "1");
  return forwarded;
}

/**
 * Our rewrite of a bare English path to /en/… coming back through here. Next 16.4 writes 127.0.0.1 as "localhost"
 * in the proxy's URLs, so on a server started with `-H 127.0.0.1` (the e2e server, the benchmarks, a self-hosted
 * app behind nginx) every rewrite looks external and is fetched again over HTTP: next-intl would then redirect
 * /en/… to the bare path, and the browser would loop. The header only lets /en/… render as English, which the
 * address already says, so a visitor sending it gains nothing; canonical links still name the bare path.
 */
const OWN_REWRITE_HEADER = "x-storefront-locale-rewrite";

function isOwnEnglishRewrite(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  const english = pathname === `/${routing.defaultLocale}` || pathname.startsWith(`/${routing.defaultLocale}/`);
  return english && request.headers.get(OWN_REWRITE_HEADER) === "1";
}

/** Signed out: to the login page of the same language, which sends the shopper back to the address asked for. */
function requireSignIn(locale: AppLocale, forward: () => Response) {
  return auth((request: NextAuthRequest, _event: NextFetchEvent) => {
    if (request.auth?.user) return forward();
    const login = new URL(localizedPath("/login", locale), request.nextUrl.origin);
    login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return NextResponse.redirect(login);
  });
}

const isAccountPage = (pathname: string) => pathname === "/account" || pathname.startsWith("/account/");

/** 128 random bits, base64: unguessable, and free of characters Next.js refuses in a nonce. */
function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export const config = {
  // API routes answer JSON (a policy is no use there, and the Paymob callback should not pay for one), static
  // files run no script.
  matcher: ["/((?!api/|_next/static/|_next/image|favicon.ico|icon.svg).*)"],
};
