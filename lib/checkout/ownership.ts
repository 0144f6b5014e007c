/** Who is asking: the guest visitor cookie and the signed-in user, either of which can own an order. */
export type Owner = { guestId?: string; userId?: string };

/** An order belongs to its signed-in user, or to the guest browser that placed it. */
export function isOwner(order: { userId: string | null; guestId: string | null }, owner: Owner): boolean {
  if (order.userId && owner.userId && order.userId === owner.userId) return true;
  if (order.guestId && owner.guestId && order.guestId === owner.guestId) return true;
  return false;
}
