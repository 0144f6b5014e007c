import "server-only";
import { z } from "zod";
import { emailDelivery } from "./delivery";
import { writeOutboxMessage } from "./outbox";

type Env = Record<string, string | undefined>;

/** One email to one person: a subject, a plain-text body and the one link it leads to. */
export type Email = {
  to: string;
  subject: string;
  text: string;
  url: string;
  kind: "order_confirmed" | "refund_issued";
  /** Names this email across retries, so a repeat after a lost answer is not a second email. */
  idempotencyKey: string;
  createdAt: Date;
};

export type SendEmail = (email: Email) => Promise<void>;

const RESEND_EMAILS_URL = "https://api.resend.com/emails";
const RESEND_TIMEOUT_MS = 10_000;
const resendAnswer = z.object({ id: z.string() });

/**
 * Sends through the same delivery as sign-in links (lib/mail/delivery.ts): Resend's API when AUTH_RESEND_KEY and
 * EMAIL_FROM are set, the local outbox otherwise. Throws when the email may not have gone out, so the caller
 * retries it. Resend drops a repeated Idempotency-Key for 24 hours (resend.com/docs, "Idempotency Keys"), and the
 * outbox names the file after the key, so a retry of an email that did go out is not a second copy.
 */
export async function sendEmail(email: Email, env: Env = process.env): Promise<void> {
  const delivery = emailDelivery(env);
  if (delivery === "outbox") {
    await writeOutboxMessage(
      { to: email.to, subject: email.subject, url: email.url, text: email.text, kind: email.kind },
      { id: email.idempotencyKey, createdAt: email.createdAt },
    );
    return;
  }
  if (delivery !== "resend") throw new Error("no email delivery configured (set AUTH_RESEND_KEY and EMAIL_FROM)");
  const response = await fetch(RESEND_EMAILS_URL, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${env.AUTH_RESEND_KEY}`,
      "Content-Type": "application/json",
      "Idempotency-Key": email.idempotencyKey,
    },
    body: JSON.stringify({ from: env.EMAIL_FROM, to: email.to, subject: email.subject, text: email.text }),
    signal: AbortSignal.timeout(RESEND_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`Resend answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  resendAnswer.parse(await response.json());
}
