import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { EMULATOR_API_KEY } from "@/lib/paymob/emulator-credentials";
import { credential, detail, json, readJson, type EmuContext } from "../http";
import { drfErrors } from "../intention-input";
import {
  intentionById,
  intentionByOrderId,
  intentionBySpecialReference,
  latestTransactionOfOrder,
  transactionById,
} from "../repo";
import { MERCHANT, OWNER_USER_ID } from "../settings";
import { signClaims, verifyClaims } from "../tokens";
import { buildTransactionObject, type TransactionObject } from "../transaction-object";

// The legacy auth-token flow the inquiry APIs need (docs/paymob.md § "Inquiry"): POST /api/auth/tokens {api_key}
// → {token} (valid 60 minutes), then `Authorization: Bearer <token>` on transaction_inquiry and transactions/{id}.

const TOKEN_TTL_SECONDS = 60 * 60;

export async function authTokens(ctx: EmuContext): Promise<Response> {
  const body = await readJson(ctx.request);
  if (!body.ok) return body.response;
  const parsed = z
    .object({ api_key: z.string({ error: "This field is required." }).min(1, "This field may not be blank.") })
    .safeParse(body.value);
  if (!parsed.success) return json(400, drfErrors(parsed.error));
  if (parsed.data.api_key !== EMULATOR_API_KEY) return detail(403, "incorrect credentials");
  const token = signClaims(
    { kind: "auth", user_id: OWNER_USER_ID, profile_id: MERCHANT.id, class: "Merchant" },
    TOKEN_TTL_SECONDS,
  );
  return json(201, {
    token,
    profile: {
      id: MERCHANT.id,
      user: {
        id: OWNER_USER_ID,
        username: "emulator",
        first_name: "Emulator",
        last_name: "Merchant",
        email: MERCHANT.company_emails[0],
        is_active: true,
      },
      created_at: MERCHANT.created_at,
      active: true,
      profile_type: "Merchant",
      phones: MERCHANT.phones,
      company_emails: MERCHANT.company_emails,
      company_name: MERCHANT.company_name,
      state: MERCHANT.state,
      country: MERCHANT.country,
      city: MERCHANT.city,
      postal_code: MERCHANT.postal_code,
      street: MERCHANT.street,
    },
  });
}

/**
 * Inquiry answers carry a `unique_ref` that callbacks do not (Postman "Transaction Inquiry API" sample:
 * "158_422a46c1ab…e0578a89", integration id, underscore, hex masked in the middle). The emulator's is the
 * integration id and 32 hex characters derived from the transaction id, so it is stable across inquiries.
 */
function inquiryAnswer(obj: TransactionObject & { integration_id?: unknown }): Record<string, unknown> {
  const hex = createHash("sha256").update(`unique_ref:${obj.id}`).digest("hex").slice(0, 32);
  return { ...obj, unique_ref: `${String(obj.integration_id)}_${hex}` };
}

function bearerAuth(request: Request): Response | null {
  const token = credential(request, "Bearer");
  if (token === null) return detail(401, "Authentication credentials were not provided.");
  return verifyClaims(token)?.kind === "auth" ? null : detail(401, "Invalid token.");
}

const inquiryBody = z.union([
  z.object({ order_id: z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(Number) }),
  z.object({ merchant_order_id: z.string().min(1) }),
]);

export async function transactionInquiry(ctx: EmuContext): Promise<Response> {
  const denied = bearerAuth(ctx.request);
  if (denied) return denied;
  const body = await readJson(ctx.request);
  if (!body.ok) return body.response;
  const parsed = inquiryBody.safeParse(body.value);
  if (!parsed.success) return json(400, { detail: "Send order_id or merchant_order_id." });
  const intention =
    "order_id" in parsed.data
      ? await intentionByOrderId(ctx.db, parsed.data.order_id)
      : await intentionBySpecialReference(ctx.db, parsed.data.merchant_order_id);
  const latest = intention ? await latestTransactionOfOrder(ctx.db, intention.orderId) : undefined;
  if (!intention || !latest) return detail(404, "Not found.");
  return json(200, inquiryAnswer(buildTransactionObject(intention, latest)));
}

export async function getTransaction(ctx: EmuContext, id: string): Promise<Response> {
  const denied = bearerAuth(ctx.request);
  if (denied) return denied;
  const tx = /^\d+$/.test(id) ? await transactionById(ctx.db, Number(id)) : undefined;
  const intention = tx ? await intentionById(ctx.db, tx.intentionId) : undefined;
  if (!tx || !intention) return detail(404, "Not found.");
  return json(200, inquiryAnswer(buildTransactionObject(intention, tx)));
}
