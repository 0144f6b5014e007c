"use server";

import { AuthError } from "next-auth";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { signIn, signOut } from "@/auth";
import { pathInLocale, redirectInLocale } from "@/lib/i18n/redirect";
import { logger } from "@/lib/logger";
import { safeCallbackPath } from "./callback-url";
import { tooManyLinksNotice, type TooManyLinks } from "./magic-link-limits";
import { signInLocaleParams } from "./magic-link";
import { EMAIL_PROVIDER_ID, emailDelivery, enabledOAuthProviders } from "./providers";

/** Why a request was refused, as a code: the form words it in the page's language (auth.errors). */
export type MagicLinkError = "invalidEmail" | "emailNotConfigured" | "sendFailed";

export type MagicLinkState =
  | { status: "idle"; email?: string }
  | { status: "error"; error: MagicLinkError; email: string }
  | { status: "error"; error: "tooMany"; tooMany: TooManyLinks; email: string };

const emailSchema = z.email().trim().max(254);

/** "Email me a sign-in link": Auth.js stores a hashed one-time token and the configured delivery sends the link. */
export async function requestMagicLink(_prev: MagicLinkState, form: FormData): Promise<MagicLinkState> {
  const raw = form.get("email");
  const email = emailSchema.safeParse(typeof raw === "string" ? raw : "");
  if (!email.success) return { status: "error", error: "invalidEmail", email: typeof raw === "string" ? raw : "" };
  if (!emailDelivery()) return { status: "error", error: "emailNotConfigured", email: email.data };

  const redirectTo = safeCallbackPath(form.get("callbackUrl"), await pathInLocale("/account/orders"));
  let next: string;
  try {
    // The email is written in the page's language (lib/auth/magic-link.ts says how it gets there).
    const language = signInLocaleParams(await getLocale());
    next = await signIn(EMAIL_PROVIDER_ID, { email: email.data, redirectTo, redirect: false }, language);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    logger.error({ scope: "auth", type: error.type, err: error }, "sending a sign-in link failed");
    return { status: "error", error: "sendFailed", email: email.data };
  }
  const params = new URL(next, "http://x").searchParams;
  if (params.has("error")) {
    // Refused by the sign-in link limits (auth.ts): say so, and for how long; anything else is a failure.
    const tooMany = tooManyLinksNotice(params);
    return tooMany
      ? { status: "error", error: "tooMany", tooMany, email: email.data }
      : { status: "error", error: "sendFailed", email: email.data };
  }
  return redirectInLocale("/login/check-email");
}

const oauthForm = z.object({ provider: z.enum(["github", "google"]), callbackUrl: z.unknown() });

export async function signInWithOAuth(form: FormData): Promise<void> {
  const parsed = oauthForm.safeParse({ provider: form.get("provider"), callbackUrl: form.get("callbackUrl") });
  if (!parsed.success || !enabledOAuthProviders().some((p) => p.id === parsed.data.provider))
    return redirectInLocale("/login?error=Configuration");
  // Redirects to the provider; Auth.js handles the way back at /api/auth/callback/<provider>.
  const fallback = await pathInLocale("/account/orders");
  await signIn(parsed.data.provider, { redirectTo: safeCallbackPath(parsed.data.callbackUrl, fallback) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: await pathInLocale("/") });
}
