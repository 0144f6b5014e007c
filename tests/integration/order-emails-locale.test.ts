import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { orders } from "@/db/schema";
import { startCheckout } from "@/lib/checkout/start/start-checkout";
import { sendDueOrderEmails } from "@/lib/mail/order-emails";
import { orderEmailText } from "@/lib/mail/order-email-text";
import { readOutbox } from "@/lib/mail/outbox";
import { signInEmail } from "@/lib/mail/sign-in-email";
import { formatMoney } from "@/lib/money";
import { latestAttempt } from "@/lib/orders/queries";
import { processCallback } from "@/lib/payments";
import { useTestDb } from "../helpers/db";
import {
  createOrderWithAttempt,
  nextId,
  signedTransaction,
  TEST_HMAC_SECRET,
  transactionFor,
  type SignedCallback,
} from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";
import { cartWith, fakePaymob, priceOf, submission, visitor } from "./checkout-fixtures";

// Emails in the customer's language: the order remembers the language of the page it was placed from
// (orders.locale, migration 0009), and its emails are written in it; English stays exactly as it was.

const t = useTestDb();
const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "order-emails-locale-outbox-"));
const APP_URL = "https://shop.example.test";
const LRI = "\u2066";
const PDI = "\u2069";

beforeAll(() => {
  vi.stubEnv("AUTH_OUTBOX_DIR", outboxDir);
  vi.stubEnv("APP_URL", APP_URL);
  vi.stubEnv("AUTH_RESEND_KEY", "");
  vi.stubEnv("PAYMOB_REGION", "egypt");
});
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(outboxDir, { recursive: true, force: true });
});

const deliver = (signed: SignedCallback) => processCallback({ ...signed, hmacSecret: TEST_HMAC_SECRET, db: t.db });
const outboxTo = async (email: string) =>
  (await readOutbox(200)).filter((m) => m.to === email).sort((a, b) => a.id.localeCompare(b.id));

/** A checkout from a page in `locale`, as the server action calls it, paid by the emulator's callback. */
async function paidOrderFrom(locale: string | undefined) {
  const email = `locale-${nextId()}@example.com`;
  const cartId = await cartWith(t.db, { "aswan-clay-mug": 2 });
  const base = submission();
  const step = await startCheckout(
    t.db,
    { cartId, owner: visitor(), submission: { ...base, billing: { ...base.billing, email } }, locale },
    fakePaymob().deps,
  );
  if (step.kind !== "hosted") throw new Error(`checkout answered ${step.kind}`);
  const attempt = (await latestAttempt(t.db, step.order.id))!;
  const sale = transactionFor(attempt);
  expect((await deliver(signedTransaction(sale))).status).toBe(200);
  await sendDueOrderEmails(t.db);
  return { order: step.order, attempt, sale, email, total: 2 * (await priceOf(t.db, "aswan-clay-mug")) };
}

describe.skipIf(t.skipped)(`emails in the order's language on ${testDbTarget()}`, () => {
  it("migration 0009: an order without a language is English, and only 'en' or 'ar' can be stored", async () => {
    const { order } = await createOrderWithAttempt(t.db);
    expect(order.locale).toBe("en");
    await expect(t.db.execute(sql`update orders set locale = 'fr' where id = ${order.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`update orders set locale = null where id = ${order.id}`)).rejects.toThrow();
    await t.db.update(orders).set({ locale: "ar" }).where(eq(orders.id, order.id));
    const [row] = await t.db.select({ locale: orders.locale }).from(orders).where(eq(orders.id, order.id));
    expect(row!.locale).toBe("ar");
  });

  it("an order placed from an Arabic page is 'ar', and its confirmation and refund emails are Arabic", async () => {
    const { order, attempt, sale, email, total } = await paidOrderFrom("ar");
    expect(order.locale).toBe("ar");
    const [row] = await t.db.select({ locale: orders.locale }).from(orders).where(eq(orders.id, order.id));
    expect(row!.locale).toBe("ar");

    const [confirmed] = await outboxTo(email);
    const arMoney = formatMoney(total, "EGP", { locale: "ar", region: "egypt" });
    expect(confirmed).toMatchObject({
      kind: "order_confirmed",
      subject: `تم تأكيد طلبك رقم ${LRI}${order.reference}${PDI}`,
      url: `${APP_URL}/ar/account/orders/${order.reference}`,
    });
    expect(arMoney).toMatch(/[٠-٩]/); // Arabic-Indic digits in ar-EG
    expect(confirmed!.text).toContain(`الإجمالي: ${arMoney}`);
    // The product as the Arabic pages name it (its translation), not the English name kept on the line.
    expect(confirmed!.text).toContain(`٢ × مجّ أسوان الفخاري — ${arMoney}`);
    expect(confirmed!.html).toContain('<html lang="ar" dir="rtl">');
    expect(confirmed!.html).toContain(`<span dir="ltr">${order.reference}</span>`);
    expect(confirmed!.html).toContain(arMoney);
    expect(confirmed!.html).toContain(`href="${APP_URL}/ar/account/orders/${order.reference}"`);

    const refund = transactionFor(attempt, {
      has_parent_transaction: true,
      parent_transaction: sale.id,
      is_refund: true,
      amount_cents: 10_000,
    });
    expect((await deliver(signedTransaction(refund))).status).toBe(200);
    await sendDueOrderEmails(t.db);
    const [, refunded] = await outboxTo(email);
    expect(refunded).toMatchObject({
      kind: "refund_issued",
      subject: `استرداد مبلغ من طلبك رقم ${LRI}${order.reference}${PDI}`,
    });
    const tenThousand = formatMoney(10_000, "EGP", { locale: "ar", region: "egypt" });
    expect(refunded!.text).toContain(`رددنا إليك ${tenThousand} من قيمة الطلب رقم ${LRI}${order.reference}${PDI}.`);
    expect(refunded!.html).toContain('dir="rtl"');
  });

  it("an order from an English page (or from before languages) keeps the English emails", async () => {
    const { order, email, total } = await paidOrderFrom(undefined);
    expect(order.locale).toBe("en");
    const [confirmed] = await outboxTo(email);
    expect(confirmed!.subject).toBe(`Order ${order.reference} confirmed`);
    expect(confirmed!.text).toContain(`2 × Aswan Clay Mug — ${formatMoney(total, "EGP")}`);
    expect(confirmed!.html).toContain('<html lang="en" dir="ltr">');
    expect(confirmed!.url).toBe(`${APP_URL}/account/orders/${order.reference}`);
  });

  it("a language the store does not speak is refused before anything is written", async () => {
    const email = `locale-fr-${nextId()}@example.com`;
    const cartId = await cartWith(t.db, { "aswan-clay-mug": 1 });
    const base = submission();
    const input = { cartId, owner: visitor(), submission: { ...base, billing: { ...base.billing, email } } };
    await expect(startCheckout(t.db, { ...input, locale: "fr" }, fakePaymob().deps)).rejects.toThrow();
    expect(await t.db.select().from(orders).where(eq(orders.email, email))).toEqual([]);
  });
});

describe("each email rendered in English and Arabic", () => {
  const order = {
    reference: "NC-7K3M9Q2D",
    currency: "SAR",
    totalMinor: 171_050,
    refundedMinor: 171_050,
    firstName: "Mona <b>",
    lines: [{ name: "Scarf & shawl", quantity: 3, lineTotalMinor: 171_050 }],
  };
  const at = new Date("2026-12-02T09:05:00Z"); // 12:05 in Riyadh
  const base = { appUrl: "https://shop.example.com", storeName: "Nile & Co.", region: "ksa" as const, at };

  it.each([
    ["en", "Order NC-7K3M9Q2D confirmed", "ltr", "2 Dec 2026, 12:05"],
    ["ar", `تم تأكيد طلبك رقم ${LRI}NC-7K3M9Q2D${PDI}`, "rtl", "١٢:٠٥"],
  ] as const)(
    "order confirmed in %s: subject, direction, money and time in the region",
    (locale, subject, dir, time) => {
      const email = orderEmailText("order_confirmed", order, { ...base, amountMinor: null, locale });
      const money = formatMoney(171_050, "SAR", { locale, region: "ksa" });
      expect(email.subject).toBe(subject);
      expect(email.html).toContain(`<html lang="${locale}" dir="${dir}">`);
      expect(email.html).toContain(`<div lang="${locale}" dir="${dir}"`);
      expect(email.text).toContain(money);
      expect(email.html).toContain(money);
      expect(email.text).toContain(time);
      // What the customer typed is text, never markup.
      expect(email.html).toContain("Mona &lt;b&gt;");
      expect(email.html).toContain("Scarf &amp; shawl");
      expect(email.html).not.toContain("<b>");
    },
  );

  it.each([
    ["en", "Refund issued for order NC-7K3M9Q2D", "(the whole order)"],
    ["ar", `استرداد مبلغ من طلبك رقم ${LRI}NC-7K3M9Q2D${PDI}`, "وهي قيمة الطلب رقم"],
  ] as const)("refund issued in %s", (locale, subject, whole) => {
    const email = orderEmailText("refund_issued", order, { ...base, amountMinor: 71_050, locale });
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(whole);
    expect(email.text).toContain(formatMoney(71_050, "SAR", { locale, region: "ksa" }));
    expect(email.html).toContain(`dir="${locale === "ar" ? "rtl" : "ltr"}"`);
  });

  it.each([
    ["en", "Sign in to Nile & Co.", "ltr", "15 minutes"],
    ["ar", `رابط تسجيل الدخول إلى ${LRI}Nile & Co.${PDI}`, "rtl", "خلال ١٥ دقيقة"],
  ] as const)("sign-in link in %s", (locale, subject, dir, validity) => {
    const url = `https://shop.example.com${locale === "ar" ? "/ar" : ""}/login/confirm?token=x&email=a%40b.c`;
    const email = signInEmail({ to: "a@b.c", url, locale, storeName: "Nile & Co.", validMinutes: 15 });
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(url);
    expect(email.text).toContain(validity);
    expect(email.html).toContain(`<html lang="${locale}" dir="${dir}">`);
    expect(email.html).toContain(`href="${url.replace(/&/g, "&amp;")}"`);
    expect(email.html).toContain('<span dir="ltr">a@b.c</span>');
  });
});
