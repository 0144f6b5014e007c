import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { logger } from "@/lib/logger";

/**
 * Liveness plus a database round trip; used by the e2e web server and by deploy checks. INSTANCE_ID, when set,
 * is echoed back so whoever started this server can tell it from another one that answers on the same port
 * (scripts/app-server.mjs: several test suites on one machine).
 */
export async function GET() {
  const instance = process.env.INSTANCE_ID || undefined;
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ ok: true, instance });
  } catch (error) {
    logger.error({ scope: "health", err: error }, "database check failed");
    return Response.json({ ok: false, error: "database unavailable", instance }, { status: 503 });
  }
}
