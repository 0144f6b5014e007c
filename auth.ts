import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { authProviders } from "@/lib/auth/providers";
import { limitMagicLinks, tooManyLinksPath } from "@/lib/auth/magic-link-limits";
import { closeSession, isSessionOpen, openSession, replaceVerificationToken } from "@/lib/auth/queries";
import { completeSignIn } from "@/lib/auth/sign-in";
import { rotateVisitorId } from "@/lib/checkout/ownership/visitor";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { requestClientAddress } from "@/lib/rate-limit/request-client";
import { authConfig } from "./auth.config";

/**
 * Auth.js with the Drizzle adapter on the app's database. The config is a lazy async function (supported by
 * next-auth 5: `NextAuth((req) => Awaitable<NextAuthConfig>)`), so the database is opened on the first auth
 * request and never at import time: `next build` imports this module and must not touch a DB, and getDb() is
 * async. getDb() caches its connection, so this costs one resolved promise per request after the first.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => {
  const db = await getDb();
  return {
    ...authConfig,
    adapter: {
      ...DrizzleAdapter(db, {
        usersTable: users,
        accountsTable: accounts,
        sessionsTable: sessions,
        verificationTokensTable: verificationTokens,
      }),
      // A new sign-in link replaces the older ones for that address.
      createVerificationToken: (token) => replaceVerificationToken(db, token),
    },
    providers: authProviders(),
    callbacks: {
      ...authConfig.callbacks,
      async signIn({ account, user, email }) {
        // Before every sign-in email, however it was asked for: the route handler passes its request; the login
        // form's server action has none here, but runs inside its own request (next/headers).
        if (!email?.verificationRequest) return true;
        const client = request ? clientAddress(request.headers) : await requestClientAddress();
        const verdict = await limitMagicLinks(db, { email: account?.providerAccountId ?? user.email ?? "", client });
        // A path is a redirect to Auth.js: no token is stored and no email is sent.
        return verdict.ok || tooManyLinksPath(verdict);
      },
      async jwt({ token, user, account, profile, trigger }) {
        if ((trigger === "signIn" || trigger === "signUp") && user?.id) {
          token.verifiedEmail = await completeSignIn(db, { user, account, profile });
          token.sid = await openSession(db, user.id);
          return token;
        }
        // Every later read of the session (auth(), /api/auth/session): it must still be open in the database.
        // Returning null makes Auth.js treat the cookie as signed out (and clear it where it can).
        return token.sid && (await isSessionOpen(db, token.sid)) ? token : null;
      },
    },
    events: {
      async signIn() {
        await rotateVisitorId();
      },
      async signOut(message) {
        // Auth.js logs (and swallows) an error here; the cookie is cleared either way.
        const sid = "token" in message ? message.token?.sid : undefined;
        if (sid) await closeSession(db, sid);
        await rotateVisitorId();
      },
    },
  };
});
