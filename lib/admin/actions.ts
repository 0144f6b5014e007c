"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getViewer } from "@/lib/auth/session";
import { replayEvent } from "@/lib/payments";
import { requestAuthorisationVoid, requestCapture } from "./capture";
import { releaseReversalRequest, replayOrderEvent, requestRefund, requestVoid, type AdminActionState } from "./operations";
import { paymobGateway } from "./paymob-gateway";

// Thin server-action wrappers: the session and the real Paymob gateway go in, the operations do the checks.

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

export async function refundAction(_prev: AdminActionState, form: FormData): Promise<AdminActionState> {
  return refresh(form, await requestRefund(await getViewer(), await getDb(), fields(form), paymobGateway()));
}

export async function voidAction(_prev: AdminActionState, form: FormData): Promise<AdminActionState> {
  return refresh(form, await requestVoid(await getViewer(), await getDb(), fields(form), paymobGateway()));
}

export async function captureAction(_prev: AdminActionState, form: FormData): Promise<AdminActionState> {
  return refresh(form, await requestCapture(await getViewer(), await getDb(), fields(form), paymobGateway()));
}

export async function voidAuthorisationAction(_prev: AdminActionState, form: FormData): Promise<AdminActionState> {
  return refresh(form, await requestAuthorisationVoid(await getViewer(), await getDb(), fields(form), paymobGateway()));
}

export async function releaseReversalAction(_prev: AdminActionState, form: FormData): Promise<AdminActionState> {
  return refresh(form, await releaseReversalRequest(await getViewer(), await getDb(), fields(form)));
}

export async function replayAction(_prev: AdminActionState, form: FormData): Promise<AdminActionState> {
  return refresh(form, await replayOrderEvent(await getViewer(), await getDb(), fields(form), replayEvent));
}
