import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { paymentReversals } from "@/db/schema/reversals";
import { requestAuthorisationVoid } from "@/lib/admin/capture";
import { previewAuthorisationVoid, previewRefund, previewVoid } from "@/lib/admin/confirmation";
import { processCallback } from "@/lib/payments";
import { requestRefund } from "@/lib/admin/operations";
import { testViewer, useTestAdmin } from "../helpers/admin";
import { useTestDb } from "../helpers/db";
import { createOrderWithAttempt, nextId, signedTransaction, TEST_HMAC_SECRET, transactionFor } from "../helpers/orders";
import { fakeGateway, paidOrder } from "../helpers/reversals";
import { testDbTarget } from "../helpers/test-db-target";

// The confirmation step before a refund or void (lib/admin/confirmation.ts): it states the amount, checks what
// the request itself would check, and reserves and sends nothing. The request after it keeps every guard.

const t = useTestDb({ seed: false });
const admin = useTestAdmin();

const reservations = (orderId: string) =>
  t.db.select().from(paymentReversals).where(eq(paymentReversals.orderId, orderId));

describe.skipIf(t.skipped)(`refund and void confirmation on ${testDbTarget()}`, () => {
  it("describes the refund with its amount, and reserves nothing until it is confirmed", async () => {
    const paid = await paidOrder(t.db, 35_000);
    const form = { reference: paid.order.reference, attemptId: paid.attempt.id, amount: "120.5" };
    const preview = await previewRefund(admin, t.db, form);
    expect(preview).toMatchObject({
      status: "confirm",
      amount: "120.50",
      notice: {
        code: "confirm_refund",
        amountMinor: 12_050,
        currency: "EGP",
        reference: paid.order.reference,
        whole: false,
      },
    });
    expect(await reservations(paid.order.id)).toEqual([]);

    // The confirmed request sends back the amount the step showed, and goes through the usual reservation.
    const paymob = fakeGateway();
    const sent = await requestRefund(admin, t.db, { ...form, amount: "120.50" }, paymob.gateway);
    expect(sent.status).toBe("requested");
    expect(paymob.calls).toMatchObject([{ kind: "refund", amountCents: 12_050 }]);
  });

  it("says 'everything still refundable' for the whole amount, and refuses more before asking", async () => {
    const paid = await paidOrder(t.db, 35_000);
    const base = { reference: paid.order.reference, attemptId: paid.attempt.id };
    expect(await previewRefund(admin, t.db, { ...base, amount: "350" })).toMatchObject({
      status: "confirm",
      notice: { code: "confirm_refund", amountMinor: 35_000, whole: true },
    });
    expect(await previewRefund(admin, t.db, { ...base, amount: "350.01" })).toMatchObject({
      status: "invalid",
      notice: { code: "refund_exceeds", amountMinor: 35_000, pendingMinor: 0 },
    });
    expect(await previewRefund(admin, t.db, { ...base, amount: "" })).toMatchObject({ status: "invalid" });
    // A refund awaiting Paymob counts: the next preview offers only what is left.
    await requestRefund(admin, t.db, { ...base, amount: "300" }, fakeGateway().gateway);
    expect(await previewRefund(admin, t.db, { ...base, amount: "100" })).toMatchObject({
      status: "invalid",
      notice: { code: "refund_exceeds", amountMinor: 5_000, currency: "EGP", pendingMinor: 30_000 },
    });
  });

  it("describes a void with the whole captured amount", async () => {
    const paid = await paidOrder(t.db, 35_000);
    const form = { reference: paid.order.reference, attemptId: paid.attempt.id };
    expect(await previewVoid(admin, t.db, form)).toMatchObject({
      status: "confirm",
      notice: { code: "confirm_void", amountMinor: 35_000, currency: "EGP", reference: paid.order.reference },
    });
    expect(await reservations(paid.order.id)).toEqual([]);
  });

  it("describes an authorisation's void with the held amount, and refuses it once a void awaits Paymob", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db, { amountMinor: 35_000 });
    const auth = transactionFor(attempt, { is_auth: true });
    await processCallback({ ...signedTransaction(auth), hmacSecret: TEST_HMAC_SECRET, db: t.db });
    const form = { reference: order.reference, attemptId: attempt.id, transactionId: String(auth.id) };
    expect(await previewAuthorisationVoid(admin, t.db, form)).toMatchObject({
      status: "confirm",
      notice: { code: "confirm_authorisation_void", amountMinor: 35_000, currency: "EGP", reference: order.reference },
    });
    expect(await reservations(order.id)).toEqual([]);
    const answer = { id: nextId(), success: true, pending: false };
    const gateway = { capture: async () => answer, void: async () => answer };
    expect((await requestAuthorisationVoid(admin, t.db, form, gateway)).status).toBe("requested");
    expect(await previewAuthorisationVoid(admin, t.db, form)).toMatchObject({
      status: "invalid",
      notice: { code: "authorisation_void_pending" },
    });
    expect(await previewAuthorisationVoid(null, t.db, form)).toMatchObject({ status: "refused" });
  });

  it("refuses anyone who is not an administrator", async () => {
    const paid = await paidOrder(t.db, 35_000);
    const form = { reference: paid.order.reference, attemptId: paid.attempt.id, amount: "10" };
    for (const viewer of [null, testViewer("someone@example.com")]) {
      expect(await previewRefund(viewer, t.db, form)).toMatchObject({ status: "refused" });
      expect(await previewVoid(viewer, t.db, form)).toMatchObject({ status: "refused" });
    }
  });
});
