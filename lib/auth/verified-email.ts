import { z } from "zod";

// Which email address a sign-in PROVED the person controls. Only a proven address may claim guest orders placed
// with it or unlock admin rights: an OAuth profile email is whatever the provider lets users type, and GitHub
// lets an account carry an unverified primary address.

export type SignInFacts = {
  user: { email?: string | null };
  account?: { type: string; provider: string; access_token?: string } | null;
  profile?: unknown;
};

const googleProfile = z.object({ email: z.string(), email_verified: z.boolean() });
const githubEmails = z.array(z.object({ email: z.string(), verified: z.boolean() }));

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The verified address of this sign-in (lower-cased), or null when the provider did not vouch for one. */
export async function verifiedEmailOf(facts: SignInFacts, fetchImpl: typeof fetch = fetch): Promise<string | null> {
  const { user, account, profile } = facts;
  const email = user.email ? normalizeEmail(user.email) : null;
  if (!email || !account) return null;

  // A magic link was delivered to this address and clicked: that is the proof.
  if (account.type === "email") return email;

  if (account.provider === "google") {
    const parsed = googleProfile.safeParse(profile);
    return parsed.success && parsed.data.email_verified && normalizeEmail(parsed.data.email) === email ? email : null;
  }

  if (account.provider === "github" && account.access_token) {
    // https://docs.github.com/en/rest/users/emails#list-email-addresses-for-the-authenticated-user
    try {
      const response = await fetchImpl("https://api.github.com/user/emails", {
        headers: {
          Authorization: `Bearer ${account.access_token}`,
          Accept: "application/vnd.github+json",
          "User-Agent": "paymob-storefront",
        },
        signal: AbortSignal.timeout(5_000),
      });
      if (!response.ok) return null;
      const parsed = githubEmails.safeParse(await response.json());
      return parsed.success && parsed.data.some((e) => e.verified && normalizeEmail(e.email) === email) ? email : null;
    } catch {
      return null; // unverifiable now; the next sign-in tries again
    }
  }
  return null;
}
