import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, SEGMENT_NAMESPACES } from "@/lib/i18n/client-messages";

// The locale layout hands client components only CLIENT_NAMESPACES (lib/i18n/client-messages.ts), not every
// message of the app; the admin and checkout layouts add their own (SEGMENT_NAMESPACES). A client module that reads
// a namespace its page lacks would throw (or print raw keys) in the browser: every module reachable from a
// "use client" file must read a listed namespace, by name, and a segment's only from where that segment has it.

const ROOTS = ["app", "components", "lib"];
function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}
const files = ROOTS.flatMap((root) => walk(root));
const source = new Map(files.map((file) => [file, fs.readFileSync(file, "utf8")]));

/** The app's own modules a file imports (`@/…` and relative), as paths in `files`. */
function localImports(file: string): string[] {
  const specifiers = [...source.get(file)!.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']/g)].map(
    (m) => m[1]!,
  );
  return specifiers.flatMap((spec) => {
    const base = spec.startsWith("@/")
      ? spec.slice(2)
      : spec.startsWith(".")
        ? path.join(path.dirname(file), spec)
        : null;
    if (base === null) return [];
    const found = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => base + ext).find((f) => source.has(f));
    return found ? [found] : [];
  });
}

/** Every module that ends up in the browser's bundle: the "use client" files and what they import. */
function clientModules(): string[] {
  const seen = new Set<string>();
  const queue = files.filter((f) => /^\s*["']use client["']/.test(source.get(f)!));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...localImports(file));
  }
  return [...seen].sort();
}

/** Files that import `target` (by its path without extension). */
const importersOf = (target: string) => files.filter((file) => localImports(file).includes(target));

describe("client messages", () => {
  it("lists every namespace a client module translates with", () => {
    const everywhere = new Set<string>(CLIENT_NAMESPACES);
    const segments = new Set<string>(SEGMENT_NAMESPACES);
    const problems = clientModules().flatMap((file) =>
      [...source.get(file)!.matchAll(/\buseTranslations\(\s*(?:["'`]([^"'`]*)["'`])?/g)].flatMap((m) => {
        const namespace = m[1]?.split(".")[0];
        if (!namespace) return [`${file}: useTranslations() without a namespace needs every message`];
        if (everywhere.has(namespace)) return [];
        if (!segments.has(namespace)) return [`${file}: namespace "${namespace}" is in neither list`];
        return file.startsWith(path.join("components", namespace) + path.sep)
          ? []
          : [`${file}: reads "${namespace}", which only components/${namespace}/ may (its segment's layout adds it)`];
      }),
    );
    expect(problems).toEqual([]);
  });

  it.each(SEGMENT_NAMESPACES)("renders components/%s/ only where its layout adds the %s messages", (namespace) => {
    const folder = path.join("components", namespace) + path.sep;
    const segment = path.join("app", "[locale]", namespace) + path.sep;
    const outside = files
      .filter((file) => file.startsWith(folder))
      .flatMap((file) => importersOf(file).filter((by) => !by.startsWith(folder) && !by.startsWith(segment)))
      .map((by) => `${by} imports from ${folder}`);
    expect(outside).toEqual([]);
    const layout = source.get(path.join(segment, "layout.tsx")) ?? "";
    expect(layout).toContain(`segmentMessages("${namespace}")`);
    expect(layout).toContain("<SegmentMessages");
  });

  it("finds the client modules it checks (the scan itself works)", () => {
    const modules = clientModules();
    expect(modules).toContain(path.join("components", "layout", "visitor.tsx"));
    // Imported by a "use client" module without being one itself.
    expect(modules).toContain(path.join("components", "layout", "visitor-state.ts"));
  });
});
