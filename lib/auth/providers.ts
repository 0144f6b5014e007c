import "server-only";
import type { Provider } from "next-auth/providers";
import type { EmailConfig } from "next-auth/providers/email";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import Resend from "next-auth/providers/resend";
import { logger } from "@/lib/logger";
import { emailDelivery } from "@/lib/mail/delivery";
import { sendEmail } from "@/lib/mail/send";
import { signInEmail } from "@/lib/mail/sign-in-email";
import { STORE_NAME, storeRegion } from "@/lib/store";
import { confirmationLink, signInLocale } from "./magic-link";

type Env = Record<string, string | undefined>;

/** Both email deliveries share one provider id, so the login form and the magic-link URLs never change. */
export const EMAIL_PROVIDER_ID = "email";
export type OAuthProviderId = "github" | "google";

/** A sign-in link is valid for 15 minutes (Auth.js defaults to 24 hours, far longer than anyone needs). */
const MAGIC_LINK_MAX_AGE = 15 * 60;

// Sign-in links and order emails go out the same way (lib/mail/delivery.ts); re-exported for the login pages.
export { emailDelivery };

export function enabledOAuthProviders(env: Env = process.env): { id: OAuthProviderId; name: string }[] {
  const enabled: { id: OAuthProviderId; name: string }[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) enabled.push({ id: "github", name: "GitHub" });
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) enabled.push({ id: "google", name: "Google" });
  return enabled;
}

/** The providers Auth.js runs with, switched on by the environment alone. */
export function authProviders(env: Env = process.env): Provider[] {
  const providers: Provider[] = [];
  const delivery = emailDelivery(env);
  if (delivery === "resend") {
    // Resend, with our own email (in the shopper's language) instead of Resend's English one.
    providers.push(
      Resend({
        id: EMAIL_PROVIDER_ID,
        apiKey: env.AUTH_RESEND_KEY,
        from: env.EMAIL_FROM,
        maxAge: MAGIC_LINK_MAX_AGE,
        sendVerificationRequest: sendSignInLink,
      }),
    );
  } else if (delivery === "outbox") {
    providers.push(outboxEmailProvider());
  }
  for (const { id } of enabledOAuthProviders(env)) {
    if (id === "github") providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
    if (id === "google") providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  return providers;
}

function outboxEmailProvider(): EmailConfig {
  return {
    id: EMAIL_PROVIDER_ID,
    type: "email",
    name: "Email",
    maxAge: MAGIC_LINK_MAX_AGE,
    async sendVerificationRequest(params) {
      await sendSignInLink(params);
      // The address, never the link: logs are read by more people than the mailbox owner.
      logger.info(
        { scope: "auth", to: params.identifier },
        "sign-in link written to the dev outbox (open /dev/outbox)",
      );
    },
  };
}

/**
 * Both deliveries: the link points at the confirmation page (lib/auth/magic-link.ts), and the email is in the
 * language the sign-in request named (signInLocale: why it travels on the request). sendEmail picks Resend or the
 * outbox, as for order emails.
 */
async function sendSignInLink(params: { identifier: string; url: string; request: Request }): Promise<void> {
  const locale = signInLocale(params.request);
  const url = confirmationLink(params.url, locale);
  const email = signInEmail({
    to: params.identifier,
    url,
    locale,
    storeName: STORE_NAME,
    validMinutes: MAGIC_LINK_MAX_AGE / 60,
    region: storeRegion(),
  });
  await sendEmail({ to: params.identifier, url, kind: "sign_in", ...email });
}
