import "server-only";
import { z } from "zod";
import { AFTER_PAYMENT_PUMP_MS, pumpFor } from "../deliveries";
import { detail, json, readJson, type EmuContext } from "../http";
import { drfErrors } from "../intention-input";
import { captureAuthorisation } from "../captures";
import { reverseTransaction } from "../refunds";
import { secretKeyAuth } from "./intention";

// POST /api/acceptance/void_refund/refund {transaction_id, amount_cents}, /void {transaction_id}, and
// /api/acceptance/capture {transaction_id, amount_cents}, authenticated like the intention API
// (`Authorization: Token <secret key>`).

const id = z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)], {
  error: (i) => (i.input === undefined ? "This field is required." : "A valid integer is required."),
});
const amountBody = z.object({
  transaction_id: id,
  amount_cents: z
    .number({ error: (i) => (i.input === undefined ? "This field is required." : "A valid integer is required.") })
    .int("A valid integer is required.")
    .positive("Ensure this value is greater than or equal to 1."),
});
const voidBody = z.object({ transaction_id: id });

export async function reverse(ctx: EmuContext, kind: "refund" | "void" | "capture"): Promise<Response> {
  const denied = secretKeyAuth(ctx.request);
  if (denied) return denied;
  const body = await readJson(ctx.request);
  if (!body.ok) return body.response;
  const parsed =
    kind === "void"
      ? voidBody.transform((v) => ({ ...v, amount_cents: undefined })).safeParse(body.value)
      : amountBody.safeParse(body.value);
  if (!parsed.success) return json(400, drfErrors(parsed.error));
  const { transaction_id: id, amount_cents: amount } = parsed.data;
  const result =
    kind === "capture"
      ? await captureAuthorisation(ctx.db, id, amount ?? 0)
      : await reverseTransaction(ctx.db, kind, id, amount);
  if (!result.ok) return detail(result.status, result.message);
  ctx.defer(() => pumpFor(ctx.db, AFTER_PAYMENT_PUMP_MS));
  return json(200, result.obj);
}
