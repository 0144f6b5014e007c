import { eq } from "drizzle-orm";
import type { Logger } from "pino";
import { describe, expect, it, vi, type MockInstance } from "vitest";
import { orderLines, orders, paymentAttempts, products } from "@/db/schema";
import { parseCheckoutForm } from "@/lib/checkout/start/form";
import { paymentDeps } from "@/lib/checkout/payment-deps";
import { startCheckout, type StartCheckoutInput } from "@/lib/checkout/start/start-checkout";
import { paymentUrls } from "@/lib/app-url";
import { logger } from "@/lib/logger";
import { loadPaymobConfig } from "@/lib/paymob/config";
import { useTestDb } from "../helpers/db";
import { testDbTarget } from "../helpers/test-db-target";
import { APP, cartWith, fakePaymob, priceOf, submission, visitor } from "./checkout-fixtures";

const t = useTestDb();

/** What a spied logger method was called with: a child logger's bound fields (the spy sees it as `this`), the call's own, and the message. */
function loggedLines(spy: MockInstance): Record<string, unknown>[] {
  return spy.mock.calls.map(([fields, msg], i) => ({
    ...(spy.mock.contexts[i] as Logger).bindings(),
    ...(fields as object),
    msg,
  }));
}

describe.skipIf(t.skipped)(`checkout: starting a payment on ${testDbTarget()}`, () => {
  it("writes order, lines and attempt at database prices and creates the intention for exactly that total", async () => {
    const cartId = await cartWith(t.db, { "aswan-clay-mug": 2, "spice-trio": 1 });
    const owner = visitor();
    const paymob = fakePaymob();
    const log = vi.spyOn(logger, "info").mockImplementation(() => {});

    const step = await startCheckout(t.db, { cartId, owner, submission: submission() }, paymob.deps);

    const total = 2 * (await priceOf(t.db, "aswan-clay-mug")) + (await priceOf(t.db, "spice-trio"));
    expect(step.kind).toBe("hosted");
    if (step.kind !== "hosted") return;
    expect(step.order).toMatchObject({
      status: "awaiting_payment",
      totalMinor: total,
      currency: "EGP",
      guestId: owner.guestId,
      email: "layla@example.com",
    });
    expect(step.order.reference).toMatch(/^NC-[0-9A-HJKMNP-TV-Z]{8}$/);
    const lines = await t.db.select().from(orderLines).where(eq(orderLines.orderId, step.order.id));
    expect(lines.map((l) => [l.name, l.quantity, l.lineTotalMinor]).sort()).toEqual(
      [
        ["Aswan Clay Mug", 2, 2 * (await priceOf(t.db, "aswan-clay-mug"))],
        ["Spice Trio", 1, await priceOf(t.db, "spice-trio")],
      ].sort(),
    );

    const [attempt] = await t.db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, step.order.id));
    expect(attempt).toMatchObject({
      status: "intended",
      mode: "redirect",
      amountMinor: total,
      currency: "EGP",
      specialReference: `${step.order.reference}-1`,
    });
    expect(attempt?.intentionId).toMatch(/^pi_test_/);
    expect(attempt?.clientSecret).toMatch(/^egy_csk_test_/);
    expect(attempt?.intendedAt).toBeInstanceOf(Date);
    expect(attempt?.checkoutOpenedAt).toBeInstanceOf(Date);
    expect(step.url).toBe(
      `${APP}/paymob-emulator/unifiedcheckout/?publicKey=${encodeURIComponent(paymob.deps.config.publicKey)}&clientSecret=${attempt?.clientSecret}`,
    );

    expect(paymob.requests).toHaveLength(1);
    expect(paymob.requests[0]?.body).toMatchObject({
      amount: total,
      currency: "EGP",
      special_reference: `${step.order.reference}-1`,
      notification_url: `${APP}/api/paymob/callback`,
      redirection_url: `${APP}/checkout/return`,
      extras: { order_reference: step.order.reference },
      billing_data: {
        first_name: "Layla",
        phone_number: "+201012345678",
        email: "layla@example.com",
        country: "Egypt",
      },
    });
    expect(loggedLines(log)).toContainEqual({
      scope: "checkout",
      orderReference: step.order.reference,
      attemptId: attempt!.id,
      attempt: 1,
      intentionId: expect.stringMatching(/^pi_test_\S+$/),
      mode: "redirect",
      msg: "intention created",
    });
    log.mockRestore();
  });

  it("charges today's catalog price, and ignores any amount smuggled into the form", async () => {
    const cartId = await cartWith(t.db, { "papyrus-notebook": 3 });
    await t.db.update(products).set({ priceMinor: 33_300 }).where(eq(products.slug, "papyrus-notebook"));
    const form = new FormData();
    for (const [k, v] of Object.entries({
      email: "a@b.co",
      phone: "01012345678",
      firstName: "A",
      lastName: "B",
      street: "S",
      city: "Giza",
      country: "Egypt",
    }))
      form.set(k, v);
    form.set("checkoutKey", "k".repeat(24));
    form.set("mode", "pixel");
    form.set("amount", "1");
    form.set("totalMinor", "1");
    const parsed = parseCheckoutForm(form);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(JSON.stringify(parsed.submission)).not.toMatch(/amount|total/i);

    // The input type has no amount at all; an object carrying one anyway changes nothing.
    const input = { cartId, owner: visitor(), submission: parsed.submission, amountMinor: 1 } as StartCheckoutInput;
    const paymob = fakePaymob();
    const step = await startCheckout(t.db, input, paymob.deps);
    expect(step.kind).toBe("pixel");
    if (step.kind !== "pixel") return;
    expect(step.order.totalMinor).toBe(99_900);
    expect(step.attempt).toMatchObject({
      amountMinor: 99_900,
      mode: "pixel",
      status: "intended",
      checkoutOpenedAt: expect.any(Date),
    });
    expect(paymob.requests[0]?.body.amount).toBe(99_900);
  });

  it("keeps the order unpaid and writes no intention when Paymob refuses", async () => {
    const cartId = await cartWith(t.db, { "linen-throw": 1 });
    const paymob = fakePaymob(() => ({
      status: 400,
      json: { billing_data: { phone_number: ["This field may not be blank."] } },
    }));
    const error = vi.spyOn(logger, "error").mockImplementation(() => {});

    const step = await startCheckout(t.db, { cartId, owner: visitor(), submission: submission() }, paymob.deps);

    expect(step.kind).toBe("failed");
    if (step.kind !== "failed") return;
    expect(step.error).toEqual({ code: "details_rejected" });
    expect(step.order?.status).toBe("awaiting_payment");
    const [attempt] = await t.db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, step.order!.id));
    expect(attempt).toMatchObject({
      status: "creation_failed",
      intentionId: null,
      intentionOrderId: null,
      clientSecret: null,
      intendedAt: null,
    });
    expect(attempt?.error).toContain("billing_data.phone_number: This field may not be blank.");
    expect(loggedLines(error)).toContainEqual({
      scope: "checkout",
      orderReference: step.order!.reference,
      attemptId: attempt!.id,
      attempt: 1,
      reason: expect.stringContaining("billing_data.phone_number: This field may not be blank."),
      msg: "intention creation failed",
    });
    error.mockRestore();
  });

  it("fails cleanly when Paymob cannot be reached at all", async () => {
    const cartId = await cartWith(t.db, { "spice-trio": 1 });
    // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
    const config = loadPaymobConfig({ APP_URL: "http://127.0.0.1:9" });
    const step = await startCheckout(
      t.db,
      { cartId, owner: visitor(), submission: submission() },
      { config, urls: paymentUrls({ APP_URL: APP }) },
    );

    expect(step).toMatchObject({
      kind: "failed",
      error: { code: "provider_unreachable" },
    });
    const [attempt] = await t.db
      .select()
      .from(paymentAttempts)
      .where(eq(paymentAttempts.orderId, (step as { order: { id: string } }).order.id));
    expect(attempt).toMatchObject({ status: "creation_failed", intentionId: null });
  });

  it("turns two concurrent submissions of one form into one order, one attempt and one intention", async () => {
    const cartId = await cartWith(t.db, { "brass-coffee-pot": 1 });
    const owner = visitor();
    const form = submission();
    const paymob = fakePaymob();
    const before = await t.db.$count(orders);

    const [a, b] = await Promise.all([
      startCheckout(t.db, { cartId, owner, submission: form }, paymob.deps),
      startCheckout(t.db, { cartId, owner, submission: form }, paymob.deps),
    ]);

    expect(await t.db.$count(orders)).toBe(before + 1);
    expect(a.kind).toBe("hosted");
    expect(b).toEqual(
      a.kind === "hosted"
        ? {
            ...a,
            order: expect.objectContaining({ id: a.order.id }),
            attempt: expect.objectContaining({ id: a.attempt.id }),
          }
        : a,
    );
    const [order] = await t.db.select().from(orders).where(eq(orders.checkoutKey, form.checkoutKey));
    expect(await t.db.$count(paymentAttempts, eq(paymentAttempts.orderId, order!.id))).toBe(1);
    expect(paymob.requests).toHaveLength(1);

    // A third, later resubmission (back button) reuses it too.
    const c = await startCheckout(t.db, { cartId, owner, submission: form }, paymob.deps);
    expect(c).toMatchObject({ kind: "hosted", order: { id: order!.id } });
    expect(paymob.requests).toHaveLength(1);
  });

  it("does not let someone else's browser reuse a form key", async () => {
    const cartId = await cartWith(t.db, { "spice-trio": 1 });
    const form = submission();
    const paymob = fakePaymob();
    await startCheckout(t.db, { cartId, owner: visitor(), submission: form }, paymob.deps);
    const stranger = await startCheckout(t.db, { cartId, owner: visitor(), submission: form }, paymob.deps);
    expect(stranger).toEqual({
      kind: "failed",
      error: { code: "form_expired" },
    });
  });

  it("creates nothing for an empty or unknown cart", async () => {
    const before = await t.db.$count(orders);
    const paymob = fakePaymob();
    expect(
      await startCheckout(t.db, { cartId: undefined, owner: visitor(), submission: submission() }, paymob.deps),
    ).toEqual({ kind: "empty_cart" });
    expect(
      await startCheckout(
        t.db,
        { cartId: crypto.randomUUID(), owner: visitor(), submission: submission() },
        paymob.deps,
      ),
    ).toEqual({ kind: "empty_cart" });
    expect(await t.db.$count(orders)).toBe(before);
    expect(paymob.requests).toHaveLength(0);
  });
  it("sends Vercel's protection bypass on notification_url only, through the app's own wiring", async () => {
    // paymentDeps() is what the checkout action uses; the bypass must reach Paymob's server-to-server callback
    // and never the URL the customer's browser is sent to.
    vi.stubEnv("APP_URL", "https://preview-abc.vercel.app");
    vi.stubEnv("VERCEL_AUTOMATION_BYPASS_SECRET", "bypass-s3cret");
    try {
      const cartId = await cartWith(t.db, { "spice-trio": 1 });
      const paymob = fakePaymob();
      const step = await startCheckout(
        t.db,
        { cartId, owner: visitor(), submission: submission() },
        { ...paymentDeps(), fetchImpl: paymob.deps.fetchImpl, config: paymob.deps.config },
      );
      expect(step.kind).toBe("hosted");
      const body = paymob.requests[0]!.body;
      expect(body.notification_url).toBe(
        "https://preview-abc.vercel.app/api/paymob/callback?x-vercel-protection-bypass=bypass-s3cret",
      );
      expect(body.redirection_url).toBe("https://preview-abc.vercel.app/checkout/return");
      expect(String(body.redirection_url)).not.toContain("bypass");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
