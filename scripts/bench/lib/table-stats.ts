import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

export type TableStats = Record<
  string,
  { seqScan: number; seqRows: number; idxScan: number; inserted: number; updated: number }
> & { __xacts?: never };
export type DbActivity = { tables: TableStats; transactions: number };

/** Cumulative per-table activity of the current database (pg_stat_user_tables) and its transaction count. */
export async function readActivity(db: Db): Promise<DbActivity> {
  const rows = (await db.execute(
    sql`select relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0) as idx_scan, n_tup_ins, n_tup_upd from pg_stat_user_tables`,
  )) as unknown as { rows: Record<string, string>[] };
  const tables: TableStats = {};
  for (const r of rows.rows)
    tables[r.relname!] = {
      seqScan: Number(r.seq_scan),
      seqRows: Number(r.seq_tup_read),
      idxScan: Number(r.idx_scan),
      inserted: Number(r.n_tup_ins),
      updated: Number(r.n_tup_upd),
    };
  const [xacts] = (
    (await db.execute(
      sql`select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()`,
    )) as unknown as { rows: { n: string }[] }
  ).rows;
  return { tables, transactions: Number(xacts?.n ?? 0) };
}

/**
 * What the server made PostgreSQL do per request, between two readings taken while no server was connected
 * (a backend reports its counters when it exits). Only the tables a callback touches.
 */
export function formatActivityPerRequest(before: DbActivity, after: DbActivity, requests: number): string {
  const per = (n: number) => (n / requests).toFixed(2);
  const lines = ["orders", "payment_attempts", "payment_events", "payment_transactions"].map((table) => {
    const a = after.tables[table];
    const b = before.tables[table];
    if (!a || !b) return `    ${table}: -`;
    return `    ${table.padEnd(21)} idx scans ${per(a.idxScan - b.idxScan)}  seq scans ${per(a.seqScan - b.seqScan)} (rows read ${per(a.seqRows - b.seqRows)})  inserts ${per(a.inserted - b.inserted)}  updates ${per(a.updated - b.updated)}`;
  });
  return [`  per request  ${per(after.transactions - before.transactions)} DB transactions`, ...lines].join("\n");
}
