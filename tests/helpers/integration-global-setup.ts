import type { TestProject } from "vitest/node";
import pg from "pg";
import { startWsBridge } from "./ws-bridge";
import { TEST_PG_ADMIN_URL, testDbTarget } from "./test-db-target";

/** Checks PostgreSQL is there (loudly skipping on a laptop without it) and starts the Neon WebSocket bridge. */
export default async function setup(project: TestProject) {
  const target = testDbTarget();
  if (target === "pglite") return;
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
  } catch (error) {
    const message = `PostgreSQL is not reachable at ${TEST_PG_ADMIN_URL} (${(error as Error).message}).`;
    if (process.env.CI || process.env.REQUIRE_POSTGRES) throw new Error(`${message} CI requires it.`);
    console.warn(
      `\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n!! SKIPPED: the ${target} integration suite. ${message}\n!! Start PostgreSQL (or set TEST_PG_URL) to run it.\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n`,
    );
    project.provide("skipDb", true);
    return;
  }
  if (target === "neon") {
    const bridge = await startWsBridge();
    project.provide("neonWsProxy", `127.0.0.1:${bridge.port}`);
    return () => bridge.close();
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    skipDb: boolean;
    neonWsProxy: string;
  }
}
