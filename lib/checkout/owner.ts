import "server-only";
import { readVisitorId } from "./visitor";

/** Who is asking: the guest visitor cookie and, once accounts exist, the signed-in user. */
export type Owner = { guestId?: string; userId?: string };

/**
 * The current request's owner identity. The accounts work adds the session user here (`userId`), so every page
 * that checks ownership (return page, Pixel page, account orders) picks it up at once.
 */
export async function currentOwner(): Promise<Owner> {
  const guestId = await readVisitorId();
  return { guestId };
}

/** An order belongs to its signed-in user, or to the guest browser that placed it. */
export function isOwner(order: { userId: string | null; guestId: string | null }, owner: Owner): boolean {
  if (order.userId && owner.userId && order.userId === owner.userId) return true;
  if (order.guestId && owner.guestId && order.guestId === owner.guestId) return true;
  return false;
}
