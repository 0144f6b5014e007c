import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import type { Db, Tx } from "./client";

const names = new Set<string>();
const qb = new QueryBuilder();

/** Runs on the shared pool (`Db`) or inside a transaction (`Tx`), on whichever connection that holds. */
export type PreparedStatement<Row> = (conn: Db | Tx, values: Record<string, unknown>) => Promise<Row[]>;

export type StatementText<Row> = {
  /** Earlier steps, by the name the later ones refer to them with (data-modifying steps allowed). */
  steps?: Record<string, SQL>;
  /** The last step; its rows, as `columns`, are the statement's result. Its values are `sql.placeholder`s. */
  query: SQL;
  columns: readonly (keyof Row & string)[];
};

/**
 * A statement of a hot path (the Paymob callback's: lib/payments/hot-path-*.ts, and the paid cart it empties),
 * run as a NAMED prepared statement: node-postgres and Neon's Pool parse and plan it once per connection and
 * afterwards only bind values. Under load, Postgres re-parsing and re-planning every callback competed with the
 * app for the CPU (scripts/bench/callbacks.ts). PGlite ignores the name and runs the same text.
 *
 * Written in SQL because the statements are CTE chains (several writes in one round trip) the query builder
 * does not express: the steps become the WITH list of a `select <columns> from <last step>`. Rows come back
 * keyed by `columns`, with values as the driver returns them: callers convert bigint columns with Number()
 * (node-postgres returns int8 as a string).
 */
export function preparedStatement<Row>(name: string, text: StatementText<Row>): PreparedStatement<Row> {
  // A connection refuses a name it already prepared with another text, so each name has exactly one text.
  if (names.has(name)) throw new Error(`prepared statement name ${name} is used twice`);
  names.add(name);
  const steps = Object.entries(text.steps ?? {}).map(([step, query]) => qb.$with(step, {}).as(query));
  const result = qb
    .$with("result", Object.fromEntries(text.columns.map((c) => [c, sql`${sql.identifier(c)}`.as(c)])))
    .as(text.query);
  const fields = Object.fromEntries(
    text.columns.map((c) => [c, (result as unknown as Record<string, SQL.Aliased>)[c]!]),
  );
  // Built into text once per process (values stay placeholders). A builder query's .prepare() is bound to the
  // transaction it was built on, so preparing that way meant rebuilding every statement in every transaction:
  // ~0.2 ms of CPU per statement of this size, several per callback, in the app's hottest path.
  const built = qb
    .with(...steps, result)
    .select(fields)
    .from(result)
    .toSQL();
  return async (conn, values) => {
    // The session is the one of `conn`: inside a transaction, that transaction's connection. Its prepareQuery
    // only wraps the fixed text for the driver (no SQL building); node-postgres and Neon then prepare `name`
    // once on each pooled connection, the first time that connection runs it.
    const prepared = conn._.session.prepareQuery(built, undefined, name, false);
    const result = (await prepared.execute(values)) as { rows: Row[] };
    return result.rows;
  };
}
