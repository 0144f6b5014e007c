import fs from "node:fs";
import path from "node:path";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { isTable } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as appSchema from "@/db/schema";

// The built-in emulator must come out by deleting lib/emulator and app/paymob-emulator: nothing else imports it
// (tests aside), and the app's schema holds none of its tables. What the app needs to know about the emulator
// (its mount, its public test keys, whether Paymob points at it) lives in lib/paymob, by URL and config.

const ROOT = path.resolve(import.meta.dirname, "../..");
const EMULATOR = path.join(ROOT, "lib", "emulator");
const OWNERS = [EMULATOR, path.join(ROOT, "app", "paymob-emulator"), path.join(ROOT, "tests")];
const SKIP = new Set(["node_modules", ".next", ".git", ".data", "test-results", "playwright-report"]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) || entry.name.startsWith(".next") ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Every module specifier a file imports, re-exports or loads dynamically. */
function specifiers(source: string): string[] {
  const found = source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g);
  return [...found].map((m) => m[1]!);
}

function resolvesIntoEmulator(file: string, specifier: string): boolean {
  const target = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(file), specifier)
      : null;
  return target !== null && (target === EMULATOR || target.startsWith(`${EMULATOR}${path.sep}`));
}

describe("the emulator is isolated", () => {
  it("no module outside lib/emulator and its route imports lib/emulator", () => {
    const offenders = sourceFiles(ROOT)
      .filter((file) => !OWNERS.some((owner) => file.startsWith(`${owner}${path.sep}`)))
      .flatMap((file) =>
        specifiers(fs.readFileSync(file, "utf8"))
          .filter((s) => resolvesIntoEmulator(file, s))
          .map((s) => `${path.relative(ROOT, file)} → ${s}`),
      );
    expect(offenders).toEqual([]);
  });

  it("the scan sees an import into lib/emulator when there is one", () => {
    expect(
      specifiers(`import { x } from "@/lib/emulator/cards";\nexport * from "../emulator";\nawait import("./y");`),
    ).toEqual(["@/lib/emulator/cards", "../emulator", "./y"]);
    expect(resolvesIntoEmulator(path.join(ROOT, "lib", "paymob", "a.ts"), "../emulator")).toBe(true);
    expect(resolvesIntoEmulator(path.join(ROOT, "lib", "paymob", "a.ts"), "./emulator-guard")).toBe(false);
  });

  it("the app's schema defines no emulator table", () => {
    const tables = Object.values(appSchema as Record<string, unknown>).filter((value): value is PgTable =>
      isTable(value),
    );
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      const { name, schema } = getTableConfig(table);
      expect(schema ?? "public", name).toBe("public");
      expect(name).not.toMatch(/^emu_/);
    }
    const schemaFiles = fs
      .readdirSync(path.join(ROOT, "db", "schema"))
      .map((f) => fs.readFileSync(path.join(ROOT, "db", "schema", f), "utf8"));
    expect(schemaFiles.filter((text) => /emulator|emu_/i.test(text))).toEqual([]);
  });
});
