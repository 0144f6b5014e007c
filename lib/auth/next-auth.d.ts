import type { DefaultSession } from "next-auth";

// What this app keeps in the session beyond Auth.js's defaults (filled in by the callbacks in auth.config.ts).
declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      /** The address this sign-in proved, lower-cased; null when the provider did not verify one. */
      verifiedEmail: string | null;
    } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    verifiedEmail?: string | null;
    /** This session's row in the `session` table (lib/auth/queries.ts); sign-out deletes it. */
    sid?: string;
  }
}
