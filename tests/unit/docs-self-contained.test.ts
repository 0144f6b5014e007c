import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The repository must explain itself: no pointer to notes that only existed beside it, every Paymob citation
// lands on a real heading of docs/paymob.md, every file path docs/ names exists, and every environment
// variable the code reads is in README's tables.

const ROOT = path.resolve(import.meta.dirname, "../..");
const SELF = path.relative(ROOT, import.meta.filename);

/** Tracked files (so local .env, .data and build output never count); a plain walk when there is no git. */
function trackedFiles(): string[] {
  try {
    return execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
      .split("\0")
      .filter((file) => file && !file.split("/").includes("node_modules") && fs.existsSync(path.join(ROOT, file)));
  } catch {
    return walk("");
  }
}

function walk(dir: string): string[] {
  const skip = new Set(["node_modules", ".git", ".next", ".data", "test-results", "playwright-report"]);
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    if (skip.has(entry.name) || entry.name.startsWith(".next")) return [];
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(file) : [file];
  });
}

const files = trackedFiles();
/** Text files only: images and other binaries hold arbitrary bytes. */
const texts = new Map(
  files.flatMap((file) => {
    const bytes = fs.readFileSync(path.join(ROOT, file));
    return bytes.includes(0) ? [] : [[file, bytes.toString("utf8")] as const];
  }),
);

// Written in pieces so this file does not match itself.
const FORBIDDEN = [
  ["research", " notes"],
  ["research", "-notes"],
  ["research", " §"],
  ["TOOLCHAIN", ".md"],
  ["..", "/shared"],
  ["/work", "/shared"],
].map((parts) => parts.join(""));

describe("no pointers outside the repository", () => {
  it("has text files to check", () => {
    expect(texts.size).toBeGreaterThan(100);
    expect(texts.has("docs/paymob.md")).toBe(true);
  });

  it.each(FORBIDDEN)("no tracked file mentions %s", (needle) => {
    const hits = [...texts]
      .filter(([file]) => file !== SELF)
      .flatMap(([file, text]) =>
        text
          .split("\n")
          .flatMap((line, i) => (line.toLowerCase().includes(needle.toLowerCase()) ? [`${file}:${i + 1}`] : [])),
      );
    expect(hits).toEqual([]);
  });
});

describe("docs/paymob.md", () => {
  const headings = new Set(
    texts
      .get("docs/paymob.md")!
      .split("\n")
      .filter((line) => /^#{1,6} /.test(line))
      .map((line) => line.replace(/^#+\s*/, "").trim()),
  );

  it('every § "Heading" cited next to docs/paymob.md is one of its headings', () => {
    const broken: string[] = [];
    for (const [file, text] of texts) {
      if (file === SELF || !text.includes("docs/paymob.md")) continue;
      for (const match of text.matchAll(/§ "([^"\n]+)"/g)) {
        if (!headings.has(match[1]!)) broken.push(`${file}: § "${match[1]}"`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("every repository path the docs name exists", () => {
    const missing: string[] = [];
    for (const [file, text] of texts) {
      if (!file.startsWith("docs/")) continue;
      for (const match of text.matchAll(/`((?:app|components|db|docs|lib|scripts|tests)\/[\w./[\]*-]+)`/g)) {
        const named = match[1]!;
        // A glob names a folder of files: the folder must exist.
        const target = named.includes("*") ? named.slice(0, named.indexOf("*")) : named;
        if (!fs.existsSync(path.join(ROOT, target))) missing.push(`${file}: ${named}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("README documents the environment", () => {
  /** Read by scripts for their own child processes; nobody sets them by hand. */
  const INTERNAL: Record<string, string> = {
    PATH: "scripts/with-db.mjs puts node_modules/.bin first for the command it runs",
    HMAC_SECRET: "scripts/bench/callbacks.ts hands it to the baseline server it starts",
    POOL_MAX: "scripts/bench/callbacks.ts hands it to the baseline server it starts",
    VITEST: "set by the test runner itself; lib/logger.ts stays quiet under it",
  };
  const CODE = /^(app|lib|db|scripts)\/.*\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
  // `process.env.X`, `process.env["X"]`, and the `env.X` of functions that take `env = process.env`.
  const READ = /\benv\??\.([A-Z][A-Z0-9_]*)\b|\benv\[["'`]([A-Z][A-Z0-9_]*)["'`]\]/g;
  const DESTRUCTURED = /\{([^}]*)\}\s*=\s*process\.env\b/g;

  const read = new Map<string, string>();
  for (const [file, text] of texts) {
    if (!CODE.test(file)) continue;
    for (const match of text.matchAll(READ)) read.set(match[1] ?? match[2]!, file);
    for (const match of text.matchAll(DESTRUCTURED)) {
      for (const name of match[1]!.split(",").map((part) => part.split(/[:=]/)[0]!.trim()))
        if (/^[A-Z][A-Z0-9_]*$/.test(name)) read.set(name, file);
    }
  }
  const readme = texts.get("README.md") ?? "";
  const mentioned = (name: string) => new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`).test(readme);

  it("finds the variables the code reads", () => {
    expect(read.has("APP_URL")).toBe(true);
    expect(read.has("PAYMOB_SECRET_KEY")).toBe(true);
  });

  it("names every variable read in app/, lib/, db/ and scripts/", () => {
    const undocumented = [...read]
      .filter(([name]) => !(name in INTERNAL) && !mentioned(name))
      .map(([name, file]) => `${name} (${file})`);
    expect(undocumented).toEqual([]);
  });

  it("keeps the internal allow-list to variables still read", () => {
    expect(Object.keys(INTERNAL).filter((name) => !read.has(name))).toEqual([]);
  });
});
