import { readVisitor } from "@/lib/visitor/read-visitor";

/**
 * The header's per-visitor data (cart count, account menu), read by the browser after the page arrives
 * (components/layout/visitor.tsx), so no page has to read cookies or the session for its header. Private and
 * never stored: it is one visitor's, and it changes with every cart action.
 */
export async function GET() {
  return Response.json(await readVisitor(), { headers: { "Cache-Control": "private, no-store" } });
}
