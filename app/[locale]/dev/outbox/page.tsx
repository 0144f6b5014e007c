import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { formatDateTime } from "@/components/account/format";
import { outboxEnabled, readOutbox } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Dev outbox", robots: { index: false } };

/**
 * The emails this store would have sent, newest first. A 404 in production (see lib/auth/outbox.ts).
 *
 * A developer tool, deliberately English only, also under /ar: no shopper ever sees it (it does not exist in
 * production), and translating it would be copy to keep in step for nobody. Its chrome is marked lang="en" and
 * left to right so it reads correctly inside the Arabic layout; the emails themselves are shown in their own
 * language and direction (dir="auto"), which is what a developer checking an Arabic email needs to see.
 */
export default async function DevOutboxPage() {
  await connection();
  if (!outboxEnabled()) notFound();
  const messages = await readOutbox(20);
  return (
    <main className="mx-auto max-w-2xl px-4 py-12" lang="en" dir="ltr">
      <h1 className="text-2xl font-semibold">Dev outbox</h1>
      <p className="mt-1 text-xs font-medium tracking-wide text-muted uppercase">Developer tool · English only</p>
      <p className="mt-2 text-sm text-stone-600">
        Sign-in links and order emails (order confirmed, refund issued) land here while no mail provider is configured
        (set AUTH_RESEND_KEY and EMAIL_FROM to send real email). Files live in <code>.data/outbox/</code>.
      </p>
      {messages.length === 0 ? (
        <p className="mt-6 text-stone-700">No emails yet. Ask for a sign-in link on the login page.</p>
      ) : (
        <ul className="mt-6 divide-y divide-stone-200 rounded-md border border-stone-200 bg-white">
          {messages.map((m) => (
            <li key={m.id} className="p-4" data-testid="outbox-message" data-to={m.to} data-kind={m.kind}>
              <p className="text-sm text-stone-500">
                To <span className="font-medium text-ink">{m.to}</span> ·{" "}
                <time dateTime={m.createdAt}>{formatDateTime(new Date(m.createdAt))}</time>
              </p>
              <p className="font-medium" dir="auto">
                {m.subject}
              </p>
              {m.text ? (
                <pre
                  className="mt-2 font-sans text-sm whitespace-pre-wrap text-stone-700 [overflow-wrap:anywhere]"
                  dir="auto"
                >
                  {m.text}
                </pre>
              ) : null}
              <a href={m.url} className="mt-1 inline-block text-brand-700 underline">
                {m.kind === "sign_in" ? `Sign in as ${m.to}` : "View the order"}
              </a>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
