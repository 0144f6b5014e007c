import "server-only";
import { getDb } from "@/db/client";
import { asAdmin } from "@/lib/admin/guard";
import { getViewer, type Viewer } from "@/lib/auth/session";
import { countCartItems, readCartId } from "@/lib/cart";
import { logger } from "@/lib/logger";
import type { VisitorAccount, VisitorAnswer } from "./answer";

type Env = Record<string, string | undefined>;

/** This request's visitor, for /api/visitor: a failing read hides its part of the header, never the header. */
export async function readVisitor(): Promise<VisitorAnswer> {
  const [cartCount, account] = await Promise.all([visitorCartCount(), visitorAccount()]);
  return { cartCount, account };
}

/**
 * The visitor's cart item count, read when called. A database hiccup hides the badge (0, logged) instead of
 * failing the answer, as the header did when the layout read it.
 */
export async function visitorCartCount(): Promise<number> {
  const cartId = await readCartId();
  if (!cartId) return 0;
  try {
    return await countCartItems(await getDb(), cartId);
  } catch (error) {
    logger.error({ scope: "cart", cartId, err: error }, "header count failed");
    return 0;
  }
}

async function visitorAccount(): Promise<VisitorAccount | null> {
  try {
    return accountOf(await getViewer());
  } catch (error) {
    logger.error({ scope: "auth", err: error }, "header account read failed");
    return null;
  }
}

/**
 * What the header's account menu shows: the name or email the menu is labelled with, and whether it links to the
 * admin (the admin guard's rule, ADMIN_EMAILS against the verified email; /admin checks it again itself).
 */
function accountOf(viewer: Viewer | null, env: Env = process.env): VisitorAccount | null {
  if (!viewer) return null;
  return { label: viewer.name || viewer.email || "Account", isAdmin: asAdmin(viewer, env) !== null };
}
