"use server";

import { revalidatePath } from "next/cache";
import { getDb, type Db } from "@/db/client";
import { getViewer, type Viewer } from "@/lib/auth/session";
import { invalidateCatalog } from "@/lib/catalog/invalidate";
import { replayEvent } from "@/lib/payments";
import { adminActionRefusal } from "./action-limits";
import { previewAuthorisationVoid, previewRefund, previewVoid } from "./confirmation";
import { requestAuthorisationVoid, requestCapture } from "./capture";
import {
  releaseReversalRequest,
  replayOrderEvent,
  requestRefund,
  requestVoid,
  type AdminActionState,
} from "./operations";
import { paymobGateway } from "./paymob-gateway";
import { changeProductPrice, refreshCatalog, type CatalogAdminState } from "./product-prices";

// Thin server-action wrappers: the session and the real Paymob gateway go in, the operations do the checks.
// Every action first counts against the admin's rate limit (lib/admin/action-limits.ts).

function fields(form: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries(form.entries());
}

function refresh(form: FormData, state: AdminActionState): AdminActionState {
  const reference = form.get("reference");
  if (state.status !== "refused" && state.status !== "invalid" && typeof reference === "string") {
    revalidatePath(`/admin/orders/${encodeURIComponent(reference)}`);
  }
  return state;
}

async function limited(
  form: FormData,
  run: (viewer: Viewer | null, db: Db) => Promise<AdminActionState>,
): Promise<AdminActionState> {
  const [viewer, db] = await Promise.all([getViewer(), getDb()]);
  return (await adminActionRefusal(db, viewer)) ?? refresh(form, await run(viewer, db));
}

/**
 * A refund or void is two submits (lib/admin/confirmation.ts): the first (no `intent`) only describes it, with
 * the amount; `intent=confirm` sends it, `intent=cancel` goes back. Describing reads and sends nothing, so it
 * does not count against the admin's rate limit (the preview checks the admin itself).
 */
async function confirmed(
  form: FormData,
  preview: (viewer: Viewer | null, db: Db, form: unknown) => Promise<AdminActionState>,
  send: (viewer: Viewer | null, db: Db) => Promise<AdminActionState>,
): Promise<AdminActionState> {
  const intent = form.get("intent");
  if (intent === "cancel") return { status: "idle" };
  if (intent === "confirm") return limited(form, send);
  const [viewer, db] = await Promise.all([getViewer(), getDb()]);
  return preview(viewer, db, fields(form));
}

export async function refundAction(_prev: AdminActionState, form: FormData): Promise<AdminActionState> {
  return confirmed(form, previewRefund, (viewer, db) => requestRefund(viewer, db, fields(form), paymobGateway()));
}

export async function voidAction(_prev: AdminActionState, form: FormData): Promise<AdminActionState> {
  return confirmed(form, previewVoid, (viewer, db) => requestVoid(viewer, db, fields(form), paymobGateway()));
}

export async function captureAction(_prev: AdminActionState, form: FormData): Promise<AdminActionState> {
  return limited(form, (viewer, db) => requestCapture(viewer, db, fields(form), paymobGateway()));
}

export async function voidAuthorisationAction(_prev: AdminActionState, form: FormData): Promise<AdminActionState> {
  return confirmed(form, previewAuthorisationVoid, (viewer, db) =>
    requestAuthorisationVoid(viewer, db, fields(form), paymobGateway()),
  );
}

export async function releaseReversalAction(_prev: AdminActionState, form: FormData): Promise<AdminActionState> {
  return limited(form, (viewer, db) => releaseReversalRequest(viewer, db, fields(form)));
}

export async function replayAction(_prev: AdminActionState, form: FormData): Promise<AdminActionState> {
  return limited(form, (viewer, db) => replayOrderEvent(viewer, db, fields(form), replayEvent));
}

// The catalog's actions (/admin/products) talk to no payment provider, so they are not counted against the
// admin's rate limit, whose refusal speaks of orders; the admin check is in each operation.

export async function setProductPriceAction(_prev: CatalogAdminState, form: FormData): Promise<CatalogAdminState> {
  const [viewer, db] = await Promise.all([getViewer(), getDb()]);
  return changeProductPrice(viewer, db, fields(form), invalidateCatalog);
}

/** Reads no form: it only expires the cached catalog. The form parameter keeps the app's action shape. */
export async function refreshCatalogAction(_prev: CatalogAdminState, _form: FormData): Promise<CatalogAdminState> {
  return refreshCatalog(await getViewer(), invalidateCatalog);
}
