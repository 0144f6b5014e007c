import "server-only";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db/client";

const dialect = new PgDialect();
const names = new Set<string>();

/** Runs on the shared pool (`Db`) or inside a transaction (`Tx`), on whichever connection that holds. */
export type PreparedStatement<Row> = (conn: Db | Tx, values: Record<string, unknown>) => Promise<Row[]>;

/**
 * A statement of the callback hot path, built into SQL text once (its values are `sql.placeholder`s) and run
 * as a NAMED prepared statement: node-postgres and Neon's Pool parse and plan it once per connection and
 * afterwards only bind values. Under load, Postgres re-parsing and re-planning every callback, and Drizzle
 * rebuilding every query, competed with the app for the CPU (scripts/bench/callbacks.ts). PGlite ignores the
 * name and runs the same text.
 *
 * Rows come back as the driver returns them, keyed by the statement's column aliases: callers convert
 * bigint columns with Number() (node-postgres returns int8 as a string).
 */
export function preparedStatement<Row>(name: string, query: SQL): PreparedStatement<Row> {
  // A connection refuses a name it already prepared with another text, so each name has exactly one text.
  if (names.has(name)) throw new Error(`prepared statement name ${name} is used twice`);
  names.add(name);
  const built = dialect.sqlToQuery(query);
  return async (conn, values) => {
    const result = await conn._.session.prepareQuery(built, undefined, name, false).execute(values);
    return (result as unknown as { rows: Row[] }).rows;
  };
}
