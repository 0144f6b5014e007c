import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Order } from "@/db/schema/orders";
import type { PaymentAttempt } from "@/db/schema/payments";
import { paymentReversals } from "@/db/schema/reversals";
import { requestAuthorisationVoid, requestCapture, type CaptureGateway } from "@/lib/admin/capture";
import { loadAdminOrder } from "@/lib/admin/orders";
import { PaymobUnavailableError, PaymobValidationError } from "@/lib/paymob/errors";
import { useTestAdmin } from "../helpers/admin";
import { useTestDb } from "../helpers/db";
import { loadOrderState, nextId, transactionFor } from "../helpers/orders";
import { authorisedOrder, captureChild, deliver, fakeGateway, voidChild } from "../helpers/reversals";
import { testDbTarget } from "../helpers/test-db-target";

// Capture and void of an authorisation are reserved in the database before Paymob is called, like refunds: one
// capture of the authorised amount or one void, never both, never twice, never while another request on the
// same authorisation awaits Paymob — whichever tab, module instance or server sends them.

const t = useTestDb({ seed: false });
const admin = useTestAdmin();

type Authorised = { order: Order; attempt: PaymentAttempt; auth: { id: number } };
type Operations = { requestCapture: typeof requestCapture; requestAuthorisationVoid: typeof requestAuthorisationVoid };
const here: Operations = { requestCapture, requestAuthorisationVoid };

const form = (a: Authorised) => ({
  reference: a.order.reference,
  attemptId: a.attempt.id,
  transactionId: String(a.auth.id),
});
const capture = (a: Authorised, gateway: CaptureGateway, ops = here) =>
  ops.requestCapture(admin, t.db, form(a), gateway);
const voidAuth = (a: Authorised, gateway: CaptureGateway, ops = here) =>
  ops.requestAuthorisationVoid(admin, t.db, form(a), gateway);
const requests = (a: Authorised) =>
  t.db.select().from(paymentReversals).where(eq(paymentReversals.orderId, a.order.id)).orderBy(paymentReversals.id);

/** A second copy of the capture module, with its own module state: what another server instance would run. */
async function anotherInstance(): Promise<Operations> {
  vi.resetModules();
  return import("@/lib/admin/capture");
}

const silent = () =>
  fakeGateway(() => {
    throw new PaymobUnavailableError("timeout", null, "Paymob did not answer capture within 15000 ms");
  });

describe.skipIf(t.skipped)(`capture and void reservations on ${testDbTarget()}`, () => {
  it("two concurrent captures from two module instances reach Paymob once", async () => {
    const a = await authorisedOrder(t.db);
    const paymob = fakeGateway();
    const [one, two] = [await anotherInstance(), await anotherInstance()];
    const results = await Promise.all([one, two, one, two].map((ops) => capture(a, paymob.gateway, ops)));
    expect(results.filter((r) => r.status === "requested")).toHaveLength(1);
    expect(paymob.calls).toEqual([
      { kind: "capture", transactionId: a.auth.id, amountCents: 35_000, childId: expect.any(Number) },
    ]);
  });

  it("a second capture while the first awaits Paymob's callback is refused", async () => {
    const a = await authorisedOrder(t.db);
    const paymob = fakeGateway();
    expect(await capture(a, paymob.gateway)).toMatchObject({
      status: "requested",
      notice: expect.objectContaining({ code: "requested", kind: "capture", amountMinor: 35_000, currency: "EGP" }),
    });
    expect(await capture(a, paymob.gateway)).toMatchObject({
      status: "invalid",
      notice: { code: "capture_pending" },
    });
    expect(paymob.calls).toHaveLength(1);
    expect(await requests(a)).toMatchObject([
      {
        kind: "capture",
        paymobTransactionId: a.auth.id,
        amountMinor: 35_000,
        currency: "EGP",
        status: "pending",
        requestedBy: "admin@example.com",
        childTransactionId: paymob.calls[0]!.childId,
      },
    ]);
  });

  it("capture then void: the void is refused while the capture is pending; void then capture likewise", async () => {
    const a = await authorisedOrder(t.db);
    const paymob = fakeGateway();
    expect((await capture(a, paymob.gateway)).status).toBe("requested");
    expect(await voidAuth(a, paymob.gateway)).toMatchObject({
      status: "invalid",
      notice: { code: "capture_pending" },
    });

    const b = await authorisedOrder(t.db);
    expect((await voidAuth(b, paymob.gateway)).status).toBe("requested");
    expect(await capture(b, paymob.gateway)).toMatchObject({
      status: "invalid",
      notice: { code: "authorisation_void_pending" },
    });
    expect(await voidAuth(b, paymob.gateway)).toMatchObject({ status: "invalid" });
    expect(paymob.calls.map((c) => [c.kind, c.transactionId])).toEqual([
      ["capture", a.auth.id],
      ["void", b.auth.id],
    ]);
  });

  it("concurrent captures and voids of one authorisation: exactly one reaches Paymob", async () => {
    const a = await authorisedOrder(t.db);
    const paymob = fakeGateway();
    const [one, two] = [await anotherInstance(), await anotherInstance()];
    const results = await Promise.all(
      [one, two, one, two].flatMap((ops) => [capture(a, paymob.gateway, ops), voidAuth(a, paymob.gateway, ops)]),
    );
    expect(results.filter((r) => r.status === "requested")).toHaveLength(1);
    expect(paymob.calls).toHaveLength(1);
    expect((await requests(a)).filter((r) => r.status === "pending")).toHaveLength(1);
  });

  it("Paymob's refusal or decline releases the reservation: the capture can be asked again", async () => {
    const a = await authorisedOrder(t.db);
    const refusing = fakeGateway(() => {
      throw new PaymobValidationError("capture", { detail: "Authorisation expired" });
    });
    expect(await capture(a, refusing.gateway)).toMatchObject({
      status: "failed",
      notice: { code: "paymob_refused", kind: "capture", reason: expect.stringContaining("Authorisation expired") },
    });
    const declining = fakeGateway((call) => ({
      id: call.childId,
      success: false,
      pending: false,
      message: "Capture declined",
    }));
    expect(await capture(a, declining.gateway)).toMatchObject({
      status: "failed",
      notice: { code: "paymob_declined", kind: "capture", said: "Capture declined" },
    });
    expect(await requests(a)).toMatchObject([
      {
        kind: "capture",
        status: "released",
        failureReason: expect.stringContaining("Authorisation expired"),
        resolvedAt: expect.any(Date),
      },
      { kind: "capture", status: "released", failureReason: expect.stringContaining("Capture declined") },
    ]);
    const ok = fakeGateway();
    expect((await voidAuth(a, ok.gateway)).status).toBe("requested");
    expect(ok.calls).toHaveLength(1);
  });

  it("an unknown answer keeps the capture pending and says so; its callback settles it and the order is paid", async () => {
    const a = await authorisedOrder(t.db);
    expect(await capture(a, silent().gateway)).toMatchObject({
      status: "uncertain",
      notice: { code: "paymob_unconfirmed", kind: "capture" },
    });
    expect(await requests(a)).toMatchObject([
      {
        kind: "capture",
        status: "pending",
        childTransactionId: null,
        failureReason: expect.stringContaining("within 15000 ms"),
      },
    ]);
    const ok = fakeGateway();
    expect((await capture(a, ok.gateway)).status).toBe("invalid");
    expect((await voidAuth(a, ok.gateway)).status).toBe("invalid");
    expect(ok.calls).toHaveLength(0);

    // It had happened: Paymob's callback names a capture child we never heard of.
    const child = nextId();
    expect(await deliver(t.db, captureChild(a.attempt, a.auth.id, child))).toBe("applied");
    expect(await requests(a)).toMatchObject([
      { status: "settled", childTransactionId: child, failureReason: null, resolvedAt: expect.any(Date) },
    ]);
    expect((await loadOrderState(t.db, a.order.id)).order.status).toBe("paid");
    // Captured: nothing more on the authorisation (the capture is what gets refunded now).
    expect((await capture(a, ok.gateway)).status).toBe("invalid");
    expect((await voidAuth(a, ok.gateway)).status).toBe("invalid");
    expect(ok.calls).toHaveLength(0);
  });

  it("the capture child Paymob's answer named settles its request, even when its callback came first", async () => {
    const a = await authorisedOrder(t.db);
    const paymob = fakeGateway();
    expect((await capture(a, paymob.gateway)).status).toBe("requested");
    expect(await deliver(t.db, captureChild(a.attempt, a.auth.id, paymob.calls[0]!.childId))).toBe("applied");
    expect(await requests(a)).toMatchObject([{ status: "settled", childTransactionId: paymob.calls[0]!.childId }]);

    const b = await authorisedOrder(t.db);
    const fast = fakeGateway(async (call) => {
      expect(await deliver(t.db, captureChild(b.attempt, b.auth.id, call.childId))).toBe("applied");
    });
    expect((await capture(b, fast.gateway)).status).toBe("requested");
    expect(await requests(b)).toMatchObject([{ status: "settled", childTransactionId: fast.calls[0]!.childId }]);
    expect((await loadOrderState(t.db, b.order.id)).order.status).toBe("paid");
  });

  it("a declined capture child in the callback releases its reservation", async () => {
    const a = await authorisedOrder(t.db);
    expect((await capture(a, silent().gateway)).status).toBe("uncertain");
    expect(await deliver(t.db, captureChild(a.attempt, a.auth.id, nextId(), false))).toBe("ignored");
    expect(await requests(a)).toMatchObject([
      { kind: "capture", status: "released", failureReason: expect.stringContaining("capture transaction") },
    ]);
    expect((await capture(a, fakeGateway().gateway)).status).toBe("requested");
  });

  it("a void settles on its void child, or on the authorisation re-notified as voided", async () => {
    const a = await authorisedOrder(t.db);
    const paymob = fakeGateway();
    expect((await voidAuth(a, paymob.gateway)).status).toBe("requested");
    expect(await requests(a)).toMatchObject([
      { kind: "void", paymobTransactionId: a.auth.id, amountMinor: 35_000, status: "pending" },
    ]);
    expect(await deliver(t.db, voidChild(a.attempt, a.auth.id, paymob.calls[0]!.childId))).toBe("applied");
    expect(await requests(a)).toMatchObject([{ status: "settled" }]);
    expect((await loadOrderState(t.db, a.order.id)).order.status).toBe("voided");

    const b = await authorisedOrder(t.db);
    expect((await voidAuth(b, silent().gateway)).status).toBe("uncertain");
    expect(await deliver(t.db, transactionFor(b.attempt, { id: b.auth.id, is_auth: true, is_voided: true }))).toBe(
      "applied",
    );
    expect(await requests(b)).toMatchObject([{ kind: "void", status: "settled" }]);
    expect((await capture(b, paymob.gateway)).status).toBe("invalid");
    expect(paymob.calls).toHaveLength(1);
  });

  it("the admin order page lists capture and void requests with the attempt", async () => {
    const a = await authorisedOrder(t.db);
    expect((await capture(a, fakeGateway().gateway)).status).toBe("requested");
    const detail = await loadAdminOrder(admin, t.db, a.order.reference);
    expect(detail?.attempts[0]?.reversals).toMatchObject([
      { kind: "capture", paymobTransactionId: a.auth.id, amountMinor: 35_000, status: "pending" },
    ]);
  });
});
