import "server-only";
import { currentUserId } from "@/lib/auth/session";
import type { Owner } from "./ownership";
import { readVisitorId } from "./visitor";

export { isOwner, type Owner } from "./ownership";

/** The current request's owner identity; every page that checks ownership (return, Pixel, retry) uses this. */
export async function currentOwner(): Promise<Owner> {
  const [guestId, userId] = await Promise.all([readVisitorId(), currentUserId()]);
  return { guestId, userId };
}
