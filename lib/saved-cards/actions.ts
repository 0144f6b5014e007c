"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getViewer } from "@/lib/auth/session";
import { logger } from "@/lib/logger";
import { deleteSavedCard } from "./queries";

// "Remove" on the account's saved-cards page. Like every action of this app it takes the form last (the proxy's
// shape check, lib/server-actions/request-shape.ts) and relies on Next.js's own origin check against cross-site
// posts. The owner check is the delete itself: it only ever matches the signed-in account's own rows.

const cardForm = z.object({ cardId: z.coerce.number().int().positive() });

export async function removeSavedCard(form: FormData): Promise<void> {
  const viewer = await getViewer();
  const parsed = cardForm.safeParse({ cardId: form.get("cardId") });
  if (!viewer || !parsed.success) return;
  const removed = await deleteSavedCard(await getDb(), viewer.userId, parsed.data.cardId);
  logger.info(
    { scope: "saved-cards", userId: viewer.userId, cardId: parsed.data.cardId, removed },
    "saved card removed",
  );
  // The next checkout reads the list again, so a removed card is no longer offered (lib/checkout/start).
  revalidatePath("/account/cards");
}
