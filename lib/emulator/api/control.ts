import "server-only";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { EMU_SCENARIOS, emuDeliveries, emuIntentions } from "../db/schema";
import { pumpDeliveries, pumpFor, AFTER_PAYMENT_PUMP_MS } from "../deliveries";
import { detail, json, readJson, seeOther, type EmuContext } from "../http";
import { emulatorExposure } from "../exposure";
import { drfErrors } from "../intention-input";
import { deliveriesPage } from "../pages/deliveries";
import { maskDelivery } from "../personal-data";
import { intentionByClientSecret, intentionById, intentionBySpecialReference } from "../repo";
import { SCENARIO_DESCRIPTIONS } from "../scenarios";
import { deliveryClock } from "../time";

// The emulator's own tools (not Paymob paths), under /_emulator: pick a failure scenario for a payment,
// look at every callback sent, replay one, pump due callbacks now.

const scenarioBody = z
  .object({
    intentionId: z.string().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
    specialReference: z.string().min(1).optional(),
    scenario: z.enum(EMU_SCENARIOS),
    delaySeconds: z.number().int().min(0).max(3600).optional(),
  })
  .refine((b) => [b.intentionId, b.clientSecret, b.specialReference].filter(Boolean).length === 1, {
    message: "Name the payment by exactly one of intentionId, clientSecret, specialReference.",
  });

export async function setScenario(ctx: EmuContext): Promise<Response> {
  const body = await readJson(ctx.request);
  if (!body.ok) return body.response;
  const parsed = scenarioBody.safeParse(body.value);
  if (!parsed.success) return json(400, drfErrors(parsed.error));
  const b = parsed.data;
  const intention = b.intentionId
    ? await intentionById(ctx.db, b.intentionId)
    : b.clientSecret
      ? await intentionByClientSecret(ctx.db, b.clientSecret)
      : await intentionBySpecialReference(ctx.db, b.specialReference!);
  if (!intention) return detail(404, "No intention matches.");
  await ctx.db
    .update(emuIntentions)
    .set({ scenario: b.scenario, scenarioDelaySeconds: b.delaySeconds ?? null })
    .where(eq(emuIntentions.id, intention.id));
  return json(200, {
    intention_id: intention.id,
    special_reference: intention.specialReference,
    scenario: b.scenario,
    delay_seconds: b.delaySeconds ?? null,
    description: SCENARIO_DESCRIPTIONS[b.scenario],
  });
}

/**
 * The delivery log. Public: personal data masked for everyone, with or without the secret key, because the
 * emulator's key is committed in this repository; the operator reads full rows in the database (paymob_emulator.deliveries).
 */
export async function listDeliveries(ctx: EmuContext): Promise<Response> {
  const exposed = emulatorExposure().public;
  const stored = await ctx.db.select().from(emuDeliveries).orderBy(desc(emuDeliveries.id)).limit(200);
  const rows = exposed ? stored.map(maskDelivery) : stored;
  if (ctx.url.searchParams.get("format") === "json") return json(200, rows);
  return deliveriesPage(ctx.base, rows, { public: exposed });
}

/** Re-sends the exact same signed body to the same URL, as a new delivery row (history stays intact). */
export async function replayDelivery(ctx: EmuContext, id: string): Promise<Response> {
  const [original] = /^\d+$/.test(id)
    ? await ctx.db
        .select()
        .from(emuDeliveries)
        .where(eq(emuDeliveries.id, Number(id)))
    : [];
  if (!original) return detail(404, "Not found.");
  const [copy] = await ctx.db
    .insert(emuDeliveries)
    .values({
      intentionId: original.intentionId,
      transactionId: original.transactionId,
      kind: original.kind,
      label: `replay of #${original.id}`,
      url: original.url,
      body: original.body,
      hmac: original.hmac,
      dueAt: deliveryClock().now(),
    })
    .returning();
  ctx.defer(() => pumpFor(ctx.db, AFTER_PAYMENT_PUMP_MS));
  const wantsJson = (ctx.request.headers.get("accept") ?? "").includes("application/json");
  return wantsJson ? json(201, { id: copy?.id, replay_of: original.id }) : seeOther(`${ctx.base}/_emulator/deliveries`);
}

export async function pumpNow(ctx: EmuContext): Promise<Response> {
  return json(200, { sent: await pumpDeliveries(ctx.db) });
}
