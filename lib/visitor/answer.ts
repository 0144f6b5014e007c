/**
 * What GET /api/visitor answers: the one visitor's header data (cart count, who is signed in). Pages never
 * render it, so a page can be prerendered and shared; the browser asks for it instead (components/layout/visitor.tsx).
 */
export type VisitorAccount = { label: string; isAdmin: boolean };
export type VisitorAnswer = { cartCount: number; account: VisitorAccount | null };

export const VISITOR_PATH = "/api/visitor";

/**
 * The answer's check, written out rather than a zod schema: this module is in every page's browser bundle (the
 * root layout's VisitorProvider), and zod came with it, 31.6 KB gzip of first-load JS on every page (16 KB with
 * zod/mini) for three fields. Unknown fields are dropped, as a zod object would.
 */
export function parseVisitorAnswer(value: unknown): VisitorAnswer | null {
  if (typeof value !== "object" || value === null) return null;
  const { cartCount, account } = value as Record<string, unknown>;
  if (typeof cartCount !== "number" || !Number.isInteger(cartCount) || cartCount < 0) return null;
  if (account === null) return { cartCount, account: null };
  if (typeof account !== "object" || account === undefined) return null;
  const { label, isAdmin } = account as Record<string, unknown>;
  if (typeof label !== "string" || typeof isAdmin !== "boolean") return null;
  return { cartCount, account: { label, isAdmin } };
}

/**
 * The browser's read of /api/visitor, checked: null when the request fails or the answer is not the expected
 * shape (an old tab talking to a newer server, a proxy's error page), so the header keeps what it showed rather
 * than showing something made up.
 */
export async function fetchVisitor(fetchImpl: typeof fetch = fetch): Promise<VisitorAnswer | null> {
  try {
    const response = await fetchImpl(VISITOR_PATH, { cache: "no-store", headers: { accept: "application/json" } });
    if (!response.ok) return null;
    return parseVisitorAnswer(await response.json());
  } catch {
    return null;
  }
}
