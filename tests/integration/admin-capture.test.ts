import { describe, expect, it } from "vitest";
import { requestAuthorisationVoid, requestCapture, type CaptureGateway } from "@/lib/admin/capture";
import { PaymobValidationError } from "@/lib/paymob/errors";
import { processCallback } from "@/lib/payments";
import { testViewer, useTestAdmin } from "../helpers/admin";
import { useTestDb } from "../helpers/db";
import {
  createOrderWithAttempt,
  loadOrderState,
  nextId,
  signedTransaction,
  TEST_HMAC_SECRET,
  transactionFor,
  type TxOverrides,
} from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";
import type { PaymentAttempt } from "@/db/schema/payments";

// The admin's Capture and Void of an authorisation: who may, which authorisations, and that only Paymob's
// callback — never the action — moves the order.

const t = useTestDb({ seed: false });

const admin = useTestAdmin();

/** Paymob's capture and void APIs: each answers with an approved child transaction, or throws `fail`. */
function recordingGateway(fail?: Error) {
  const calls: unknown[] = [];
  const answer = () => ({ id: nextId(), success: true, pending: false });
  const gateway: CaptureGateway = {
    capture: async (input) => {
      calls.push({ capture: input });
      if (fail) throw fail;
      return answer();
    },
    void: async (input) => {
      calls.push({ void: input });
      if (fail) throw fail;
      return answer();
    },
  };
  return { gateway, calls };
}

const deliver = async (attempt: PaymentAttempt, overrides: TxOverrides) => {
  const obj = transactionFor(attempt, overrides);
  expect((await processCallback({ ...signedTransaction(obj), hmacSecret: TEST_HMAC_SECRET, db: t.db })).status).toBe(
    200,
  );
  return obj;
};

/** An order whose payment Paymob authorised (is_auth) but did not capture, through a verified callback. */
async function authorisedOrder(overrides: TxOverrides = {}) {
  const { order, attempt } = await createOrderWithAttempt(t.db, { amountMinor: 35_000 });
  const auth = await deliver(attempt, { is_auth: true, ...overrides });
  const form = { reference: order.reference, attemptId: attempt.id, transactionId: String(auth.id) };
  return { order, attempt, auth, form };
}

describe.skipIf(t.skipped)(`admin capture and void of authorisations on ${testDbTarget()}`, () => {
  it("refuses anyone but an admin, and calls nothing", async () => {
    const { form } = await authorisedOrder();
    const { gateway, calls } = recordingGateway();
    for (const who of [null, testViewer("customer@example.com"), testViewer("admin@example.com", null)]) {
      expect((await requestCapture(who, t.db, form, gateway)).status).toBe("refused");
      expect((await requestAuthorisationVoid(who, t.db, form, gateway)).status).toBe("refused");
    }
    expect(calls).toEqual([]);
  });

  it("captures the whole authorised amount; the order waits for the capture callback", async () => {
    const { order, auth, form } = await authorisedOrder();
    const { gateway, calls } = recordingGateway();
    expect(await requestCapture(admin, t.db, form, gateway)).toMatchObject({
      status: "requested",
      notice: { code: "requested", kind: "capture", amountMinor: 35_000 },
    });
    expect(calls).toEqual([{ capture: { transactionId: auth.id, amountCents: 35_000 } }]);
    expect((await loadOrderState(t.db, order.id)).order.status).toBe("authorised");
  });

  it("voids (releases) an authorisation", async () => {
    const { auth, form } = await authorisedOrder();
    const { gateway, calls } = recordingGateway();
    expect(await requestAuthorisationVoid(admin, t.db, form, gateway)).toMatchObject({ status: "requested" });
    expect(calls).toEqual([{ void: { transactionId: auth.id } }]);
  });

  it("refuses malformed forms, transactions that are not this order's authorisation, and captured or mismatched ones", async () => {
    const { attempt, form } = await authorisedOrder();
    const other = await authorisedOrder();
    const { gateway, calls } = recordingGateway();
    expect((await requestCapture(admin, t.db, { ...form, transactionId: "abc" }, gateway)).status).toBe("invalid");
    expect(
      (await requestCapture(admin, t.db, { ...form, transactionId: other.form.transactionId }, gateway)).status,
    ).toBe("invalid");
    expect((await requestCapture(admin, t.db, { ...form, attemptId: other.attempt.id }, gateway)).status).toBe(
      "invalid",
    );

    // Captured (its capture callback arrived): neither capture nor void any more.
    await deliver(attempt, {
      has_parent_transaction: true,
      parent_transaction: Number(form.transactionId),
      is_capture: true,
    });
    expect((await requestCapture(admin, t.db, form, gateway)).status).toBe("invalid");
    expect((await requestAuthorisationVoid(admin, t.db, form, gateway)).status).toBe("invalid");

    // An authorisation of another amount puts the order in review: it can be voided, not captured.
    const odd = await authorisedOrder({ amount_cents: 30_000 });
    expect((await loadOrderState(t.db, odd.order.id)).order.status).toBe("needs_review");
    expect((await requestCapture(admin, t.db, odd.form, gateway)).status).toBe("invalid");
    expect((await requestAuthorisationVoid(admin, t.db, odd.form, gateway)).status).toBe("requested");
    expect(calls).toEqual([{ void: { transactionId: odd.auth.id } }]);
  });

  it("reports Paymob's refusal instead of swallowing it", async () => {
    const { form } = await authorisedOrder();
    const failing = recordingGateway(new PaymobValidationError("capture", { detail: "Authorisation expired" }));
    expect(await requestCapture(admin, t.db, form, failing.gateway)).toMatchObject({
      status: "failed",
      notice: { code: "paymob_refused", kind: "capture", reason: expect.stringContaining("Authorisation expired") },
    });
  });
});
