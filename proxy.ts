import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "./auth.config";

// The adapter-free config: the JWT session cookie is verified here without a database (see auth.config.ts).
const { auth } = NextAuth(authConfig);

/**
 * Sends signed-out visitors from /account to the login page, then back. Convenience only: every account page
 * checks the session itself (requireViewer), and /admin is deliberately absent: it answers 404 to anyone who is
 * not an admin, signed in or not, rather than advertising itself with a redirect to /login.
 */
export const proxy = auth((request) => {
  if (request.auth?.user) return NextResponse.next();
  const login = new URL("/login", request.nextUrl.origin);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
});

export const config = { matcher: ["/account", "/account/:path*"] };
