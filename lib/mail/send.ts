import "server-only";
import { z } from "zod";
import { emailDelivery } from "./delivery";
import { writeOutboxMessage } from "./outbox";

type Env = Record<string, string | undefined>;

/** One email to one person: a subject, plain-text and HTML bodies in one language, and the one link it leads to. */
export type Email = {
  to: string;
  subject: string;
  text: string;
  html: string;
  url: string;
  kind: "sign_in" | "order_confirmed" | "refund_issued";
  /**
   * Names this email across retries, so a repeat after a lost answer is not a second email. Order emails have one;
   * a sign-in link is never retried (a failure is shown to the person, who asks again), so it goes without.
   */
  idempotency?: { key: string; createdAt: Date };
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
    const { to, subject, url, text, html, kind, idempotency } = email;
    await writeOutboxMessage(
      { to, subject, url, text, html, kind },
      idempotency && { id: idempotency.key, createdAt: idempotency.createdAt },
    );
    return;
  }
  if (delivery !== "resend") throw new Error("no email delivery configured (set AUTH_RESEND_KEY and EMAIL_FROM)");
  const response = await fetch(RESEND_EMAILS_URL, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${env.AUTH_RESEND_KEY}`,
      "Content-Type": "application/json",
      ...(email.idempotency && { "Idempotency-Key": email.idempotency.key }),
    },
    body: JSON.stringify({
      from: env.EMAIL_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
    }),
    signal: AbortSignal.timeout(RESEND_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`Resend answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  resendAnswer.parse(await response.json());
}
