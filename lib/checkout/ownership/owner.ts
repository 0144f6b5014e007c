import "server-only";
import { currentUserId } from "@/lib/auth/session";
import { readVisitorId } from "./visitor";

/** Who is asking: the guest visitor cookie and the signed-in user, either of which can own an order. */
export type Owner = { guestId?: string; userId?: string };

/** An order belongs to its signed-in user, or to the guest browser that placed it. */
export function isOwner(order: { userId: string | null; guestId: string | null }, owner: Owner): boolean {
  if (order.userId && owner.userId && order.userId === owner.userId) return true;
  if (order.guestId && owner.guestId && order.guestId === owner.guestId) return true;
  return false;
}

/** The current request's owner identity; every page that checks ownership (return, Pixel, retry) uses this. */
export async function currentOwner(): Promise<Owner> {
  const [guestId, userId] = await Promise.all([readVisitorId(), currentUserId()]);
  return { guestId, userId };
}
