import { outboxEnabled } from "./outbox";

type Env = Record<string, string | undefined>;

export type EmailDelivery = "resend" | "outbox";

/**
 * How this store sends email, sign-in links and order emails alike: Resend when it is configured (production);
 * otherwise the local outbox where that is allowed (lib/mail/outbox.ts); else not at all.
 */
export function emailDelivery(env: Env = process.env): EmailDelivery | null {
  if (env.AUTH_RESEND_KEY && env.EMAIL_FROM) return "resend";
  return outboxEnabled(env) ? "outbox" : null;
}
