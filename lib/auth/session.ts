import "server-only";
import { cache } from "react";
import { z } from "zod";
import { pathInLocale, redirectInLocale } from "@/lib/i18n/redirect";

/** The signed-in person as the rest of the app sees them. */
export type Viewer = {
  userId: string;
  email: string | null;
  name: string | null;
  /** The address the sign-in proved (lower-cased); only this may grant rights. */
  verifiedEmail: string | null;
};

const sessionSchema = z.object({
  user: z.object({
    id: z.string().min(1),
    email: z.string().nullish(),
    name: z.string().nullish(),
    verifiedEmail: z.string().nullish(),
  }),
});

/** Reads the session once per request (React cache); null when signed out or the session is unusable. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  // Loaded on use, so modules that only need the Viewer type or the pure rules built on it (lib/admin/guard.ts,
  // and the tests that exercise them outside Next) do not pull in next-auth.
  const { auth } = await import("@/auth");
  const parsed = sessionSchema.safeParse(await auth());
  if (!parsed.success) return null;
  const { id, email, name, verifiedEmail } = parsed.data.user;
  return { userId: id, email: email ?? null, name: name ?? null, verifiedEmail: verifiedEmail ?? null };
});

/**
 * For pages that need a signed-in user. proxy.ts already redirects signed-out visitors from /account, but the
 * proxy is an optimisation, not the security boundary, so every page checks again here. `returnTo` is written
 * without a locale prefix; the login page and the way back are both in the shopper's language.
 */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) return redirectInLocale(`/login?${new URLSearchParams({ callbackUrl: await pathInLocale(returnTo) })}`);
  return viewer;
}

/** The signed-in user's id, for order ownership (lib/checkout/ownership/owner.ts). */
export async function currentUserId(): Promise<string | undefined> {
  return (await getViewer())?.userId;
}
