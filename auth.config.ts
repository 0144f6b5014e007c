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
  // JWT sessions, deliberately: proxy.ts decides "signed in or not" on every /account request from the signed
  // cookie alone, with no database round trip (it runs without the adapter), and sessions survive the embedded
  // database being recreated in development. The adapter still stores users, OAuth accounts and magic-link
  // tokens. Rights are never baked into the token: admin status is re-checked against ADMIN_EMAILS on every
  // request, so removing an address takes effect at once.
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
