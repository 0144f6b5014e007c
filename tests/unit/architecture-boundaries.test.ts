import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";

// The layering docs/architecture.md describes, checked from the source so it cannot drift: the database's tables
// are used only by the aggregates' query modules, no private Drizzle API, and Paymob's wire types stay in
// lib/paymob (and the emulator, which speaks the wire format by design).

const tracked = execFileSync("git", ["ls-files", "lib", "app", "components"], { encoding: "utf8" })
  .split("\n")
  .filter((f) => /\.(ts|tsx)$/.test(f) && fs.existsSync(f));
const source = (file: string) => fs.readFileSync(file, "utf8");

/** The value names (not `type` imports) a file imports from modules matching `from`. */
function valueImports(text: string, from: RegExp): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+"([^"]+)"/g)) {
    if (m[1] || !from.test(m[3]!)) continue;
    for (const part of m[2]!.split(",").map((p) => p.trim())) if (part && !part.startsWith("type ")) names.push(part);
  }
  return names;
}

const QUERY_MODULE = [
  /^lib\/[a-z-]+\/queries\.ts$/,
  /^lib\/catalog\/writes\.ts$/, // the catalog's writes (an admin's price change), beside its reads
  /^lib\/orders\/checkout-writes\.ts$/, // the orders aggregate's checkout writes, beside its reads
  /^lib\/payments\/(event|reservation)-queries\.ts$/,
  /^lib\/payments\/hot-path-(reads|writes)\.ts$/,
  /^lib\/admin\/orders\.ts$/, // the admin's reads
  /^lib\/emulator\//, // its own schema and statements, removable with the folder
];

describe("architecture boundaries", () => {
  it("only the aggregates' query modules use the database's tables", () => {
    const outside = tracked.flatMap((file) => {
      if (QUERY_MODULE.some((allowed) => allowed.test(file))) return [];
      // Tables are camelCase values; SCREAMING_CASE constants (status lists) are plain data anyone may read.
      const tables = valueImports(source(file), /^@\/db\/schema/).filter((n) => /^[a-z]/.test(n));
      return tables.length ? [`${file}: ${tables.join(", ")}`] : [];
    });
    expect(outside).toEqual([]);
  });

  it("uses no private Drizzle API", () => {
    expect(tracked.filter((file) => /\._\.session\b/.test(source(file)))).toEqual([]);
  });

  it("keeps Paymob's wire types inside lib/paymob and the emulator", () => {
    const wire =
      /\b(TransactionObject|TokenObject|transactionObjectSchema|tokenObjectSchema|transactionCallbackSchema)\b/;
    const outside = tracked.filter(
      (file) =>
        !file.startsWith("lib/paymob/") &&
        !file.startsWith("lib/emulator/") &&
        [...source(file).matchAll(/import[^;]*from\s+"@\/lib\/paymob\/[^"]+"/g)].some((m) => wire.test(m[0])),
    );
    expect(outside).toEqual([]);
  });
});
