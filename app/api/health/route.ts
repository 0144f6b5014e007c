import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

/** Liveness plus a database round trip; used by the e2e web server and by deploy checks. */
export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ ok: true });
  } catch (error) {
    console.error("[health] database check failed", error);
    return Response.json({ ok: false, error: "database unavailable" }, { status: 503 });
  }
}
