import "server-only";
import { eq } from "drizzle-orm";
import { logger } from "@/lib/logger";
import { emuIntentions, type EmuIntention } from "../db/schema";
import { intentionUrlErrors } from "../exposure";
import { detail, json, readJson, type EmuContext } from "../http";
import { drfErrors, intentionUpdateInput } from "../intention-input";
import { createResponse, type IntentionItem } from "../intention-shapes";
import { intentionByClientSecret, intentionBySpecialReference, lockIntention } from "../repo";
import { regionOfClientSecret } from "../settings";
import {
  duplicateReference,
  expiresIn,
  itemsTotal,
  resolvePaymentMethods,
  secretKeyRegion,
  storedItems,
  unmatchedItems,
} from "./intention";

// PUT /v1/intention/{client_secret} (Postman "Update intention"; docs/paymob.md § "Update an intention").
// Paymob documents the request only: the refusals below (wrong accept_order_id, an intention already paid) and
// the 200 answer in the create shape are the emulator's own, since no public sample shows Paymob's.

export async function updateIntention(ctx: EmuContext, clientSecret: string): Promise<Response> {
  const region = secretKeyRegion(ctx.request);
  if (region instanceof Response) return region;
  const body = await readJson(ctx.request);
  if (!body.ok) return body.response;
  const parsed = intentionUpdateInput.safeParse(body.value);
  if (!parsed.success) return json(400, drfErrors(parsed.error));
  const input = parsed.data;
  const foreignUrls = intentionUrlErrors(input);
  if (foreignUrls) return json(400, foreignUrls);

  const current = await intentionByClientSecret(ctx.db, clientSecret);
  // Another region's account cannot see this intention, as if it did not exist.
  if (!current || regionOfClientSecret(current.clientSecret) !== region) return detail(404, "Not found.");
  if (input.accept_order_id !== current.orderId)
    return json(400, { accept_order_id: ["This order does not belong to the intention."] });

  let methods = current.paymentMethods;
  if (input.payment_methods) {
    const resolved = resolvePaymentMethods(region, input.payment_methods, current.currency);
    if (!resolved.ok) return resolved.response;
    methods = resolved.methods;
  }
  // Amount and items must still agree: a new amount against the kept items, new items against the kept amount.
  const amount = input.amount ?? current.amountCents;
  const items = input.items ? storedItems(input.items) : (current.items as IntentionItem[]);
  if (items.length > 0 && itemsTotal(items) !== amount) return unmatchedItems(items, amount);
  if (input.special_reference && input.special_reference !== current.specialReference) {
    if (await intentionBySpecialReference(ctx.db, input.special_reference)) return duplicateReference();
  }

  const result = await ctx.db.transaction(async (tx): Promise<Response | EmuIntention> => {
    // Locked like a payment locks it, so a payment and an update never interleave.
    const locked = await lockIntention(tx, current.id);
    if (!locked) return detail(404, "Not found.");
    if (locked.status === "paid") return detail(400, "The intention is already paid and can no longer change.");
    const [updated] = await tx
      .update(emuIntentions)
      .set({
        amountCents: amount,
        paymentMethods: methods,
        items,
        ...(input.billing_data ? { billingData: input.billing_data } : {}),
        ...(input.special_reference ? { specialReference: input.special_reference } : {}),
        ...(input.expiration ? { expiresAt: expiresIn(input.expiration) } : {}),
        ...(input.notification_url ? { notificationUrl: input.notification_url } : {}),
        ...(input.redirection_url ? { redirectionUrl: input.redirection_url } : {}),
      })
      .where(eq(emuIntentions.id, locked.id))
      .returning();
    if (!updated) throw new Error("emulator: intention update returned nothing");
    return updated;
  });
  if (result instanceof Response) return result;
  logger.info(
    { scope: "paymob-emulator", intentionId: result.id, orderId: result.orderId, amountCents: result.amountCents },
    "intention updated",
  );
  return json(200, createResponse(result));
}
