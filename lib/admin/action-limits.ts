import "server-only";
import type { Db } from "@/db/client";
import { hitRateLimit, systemClock, type Clock } from "@/lib/rate-limit/limiter";
import { ADMIN_ACTIONS_PER_ADMIN } from "@/lib/rate-limit/rules";
import type { Viewer } from "@/lib/auth/session";
import { asAdmin } from "./guard";
import type { AdminActionState } from "./operations";

/**
 * Counts one admin action against the admin's allowance; a refusal comes back as the action's answer. Only
 * admins are counted: everyone else is refused by the operation itself, before it reads anything.
 */
export async function adminActionRefusal(
  db: Db,
  viewer: Viewer | null,
  clock: Clock = systemClock,
): Promise<AdminActionState | null> {
  const admin = asAdmin(viewer);
  if (!admin) return null;
  const verdict = await hitRateLimit(db, ADMIN_ACTIONS_PER_ADMIN, admin.verifiedEmail, clock);
  if (verdict.ok) return null;
  return { status: "refused", notice: { code: "rate_limited", retryAfterSeconds: verdict.retryAfterSeconds } };
}
