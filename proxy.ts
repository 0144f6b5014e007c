import NextAuth, { type NextAuthRequest } from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "./auth.config";
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
 * - Signed-out visitors go from /account to the login page, then back. Convenience only: every account page
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

  const forward = () => {
    const requestHeaders = new Headers(request.headers);
    for (const { key, value } of headers) if (key === "Content-Security-Policy") requestHeaders.set(key, value);
    const init = { request: { headers: requestHeaders } };
    const sorted = sortRewritePath(pathname, request.nextUrl.searchParams);
    if (!sorted) return NextResponse.next(init);
    const target = request.nextUrl.clone(); // keeps the query string, which the sorted pages ignore
    target.pathname = sorted;
    return NextResponse.rewrite(target, init);
  };
  const fromAuth = isAccountPage(pathname) ? await requireSignIn(forward)(request, event) : undefined;
  const response = fromAuth ?? forward();
  for (const { key, value } of headers) response.headers.set(key, value);
  return response;
}

function requireSignIn(forward: () => Response) {
  return auth((request: NextAuthRequest, _event: NextFetchEvent) => {
    if (request.auth?.user) return forward();
    const login = new URL("/login", request.nextUrl.origin);
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
