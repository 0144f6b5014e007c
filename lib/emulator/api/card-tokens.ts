import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { tokenObject } from "../callbacks";
import { emuCardTokens } from "../db/schema";
import { detail, json, readJson, type EmuContext } from "../http";
import { drfErrors } from "../intention-input";
import { intentionByOrderId } from "../repo";
import { verifyClaims } from "../tokens";

// POST /api/acceptance/order_card_tokens {auth_token, order_id} → [{"type":"TOKEN","obj":{…}}]: the cards saved
// on one Paymob order (Postman "Transaction Inquiry API"; docs/paymob.md § "Saved cards"). The auth token is the
// one POST /api/auth/tokens hands out, sent in the body rather than a header, as Postman shows it.

const body = z.object({
  auth_token: z.string({ error: "This field is required." }).min(1, "This field may not be blank."),
  order_id: z.union([z.number().int(), z.string().regex(/^\d+$/)], { error: "A valid integer is required." }),
});

export async function orderCardTokens(ctx: EmuContext): Promise<Response> {
  const raw = await readJson(ctx.request);
  if (!raw.ok) return raw.response;
  const parsed = body.safeParse(raw.value);
  if (!parsed.success) return json(400, drfErrors(parsed.error));
  if (verifyClaims(parsed.data.auth_token)?.kind !== "auth") return detail(401, "Invalid token.");
  const intention = await intentionByOrderId(ctx.db, Number(parsed.data.order_id));
  if (!intention) return detail(404, "Not found.");
  const cards = await ctx.db
    .select()
    .from(emuCardTokens)
    .where(eq(emuCardTokens.orderId, intention.orderId))
    .orderBy(asc(emuCardTokens.id));
  return json(
    200,
    cards.map((card) => ({ type: "TOKEN", obj: tokenObject(card, intention) })),
  );
}
