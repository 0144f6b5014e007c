import type { NextAuthConfig } from "next-auth";
import { pinAuthUrl } from "@/lib/auth/auth-url";
import { authRedirect } from "@/lib/auth/callback-url";

// Before any Auth.js code runs: every auth URL is built on APP_URL, never on request headers (lib/auth/auth-url.ts).
// Both auth.ts and proxy.ts import this module, so it holds wherever Auth.js runs.
pinAuthUrl();

/**
 * The part of the Auth.js config that needs no database, shared by auth.ts and proxy.ts. The proxy must be able
 * to build it without opening a DB (and an adapter cannot be lazily resolved there), so providers and the
 * adapter live in auth.ts only.
 */
export const authConfig = {
  // Auth.js refuses requests unless the host is "trusted". With AUTH_URL pinned above it never reads the host
  // headers for a URL, so accepting requests whatever Host they carry is safe (Vercel, a proxy, localhost).
  trustHost: true,
  // Sessions are signed JWT cookies that carry a session id, and the database lists the open ids (the `session`
  // table, lib/auth/queries.ts). Every auth() in auth.ts checks the id is still open; sign-out deletes it,
  // so a copied cookie dies with the session instead of working for 30 days. Why not Auth.js's database
  // strategy, which also revokes at sign-out:
  // - proxy.ts runs this adapter-less config and must answer without a database. It still verifies the JWT's
  //   signature (a quick redirect for the signed out); a revoked-but-signed cookie gets past it to the page,
  //   where requireViewer() (the real boundary) sends it to /login.
  // - The session says which address this sign-in PROVED (verifiedEmail, lib/auth/verified-email.ts), which
  //   grants admin rights and claims guest orders. The database strategy writes its session row before telling
  //   us how the person signed in, so that proof would have to live on the user, and then a GitHub sign-in with
  //   an unverified address would inherit a later magic-link proof of the same account.
  // Either way costs one indexed lookup per signed-in request, and none for visitors without a session cookie;
  // nothing about a session can be cached, with or without Cache Components. Admin status is re-checked against
  // ADMIN_EMAILS on every request, never stored in the token. maxAge matches SESSION_MAX_AGE_SECONDS.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login" },
  providers: [],
  callbacks: {
    // Auth.js's default accepts any same-origin URL as given; ours also refuses paths that only normalise into
    // another host ("/..//evil.example"), see lib/auth/callback-url.ts.
    redirect: ({ url, baseUrl }) => authRedirect(url, baseUrl),
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.verifiedEmail = token.verifiedEmail ?? null;
      return session;
    },
  },
} satisfies NextAuthConfig;
