// zod/mini, not "zod": this module runs in every page's browser bundle (the root layout's VisitorProvider), and
// the classic build brings its whole method-chaining API along, ~30 KB gzip of first-load JS on every page for one
// three-field schema; zod/mini is the same validator, tree-shaken to the checks used here.
import * as z from "zod/mini";

/**
 * What GET /api/visitor answers: the one visitor's header data (cart count, who is signed in). Pages never
 * render it, so a page can be prerendered and shared; the browser asks for it instead (components/layout/visitor.tsx).
 */
export const visitorAnswerSchema = z.object({
  cartCount: z.int().check(z.nonnegative()),
  account: z.nullable(z.object({ label: z.string(), isAdmin: z.boolean() })),
});

export type VisitorAnswer = z.infer<typeof visitorAnswerSchema>;
export type VisitorAccount = NonNullable<VisitorAnswer["account"]>;

export const VISITOR_PATH = "/api/visitor";

/**
 * The browser's read of /api/visitor, checked against the schema: null when the request fails or the answer is
 * not the expected shape (an old tab talking to a newer server, a proxy's error page), so the header keeps what it
 * showed rather than showing something made up.
 */
export async function fetchVisitor(fetchImpl: typeof fetch = fetch): Promise<VisitorAnswer | null> {
  try {
    const response = await fetchImpl(VISITOR_PATH, { cache: "no-store", headers: { accept: "application/json" } });
    if (!response.ok) return null;
    const parsed = visitorAnswerSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
