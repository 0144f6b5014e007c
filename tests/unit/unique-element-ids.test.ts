import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";

// With Cache Components, Next keeps recently visited pages mounted but hidden (<Activity mode="hidden">), so
// everything a page renders can be in the document twice. A fixed id then points at whichever copy comes first:
// a label focuses the hidden input, aria-labelledby names a section after the hidden heading. Page-level markup
// takes its ids from useId instead (components/ui/scoped-id.tsx for Server Components, whose own useId repeats
// across requests). Only the root layout renders once per document, so it may keep fixed ids (the skip link's
// target, the header's search forms).

const ID_ATTRIBUTES = [
  "id",
  "htmlFor",
  "aria-labelledby",
  "aria-describedby",
  "aria-controls",
  "aria-errormessage",
  "aria-owns",
  "aria-activedescendant",
  "aria-details",
];
// id="x", id={"x"} or id={`x`} (a template with no ${…} in it): a value fixed in the source.
const FIXED = new RegExp(
  `(?<=\\s)(${ID_ATTRIBUTES.join("|")})=(?:"[^"]*"|\\{\\s*"[^"]*"\\s*\\}|\\{\\s*\`[^\`$]*\`\\s*\\})`,
  "g",
);

// The allowlist: files rendered once per document, never inside a page's <Activity>.
// The document is app/[locale]/layout.tsx (app/layout.tsx only passes through).
const ONCE_PER_DOCUMENT = [/^app\/(\[locale\]\/)?layout\.tsx$/, /^components\/layout\//];

const pageLevel = execFileSync("git", ["ls-files", "app", "components"], { encoding: "utf8" })
  .split("\n")
  .filter((f) => f.endsWith(".tsx") && fs.existsSync(f) && !ONCE_PER_DOCUMENT.some((r) => r.test(f)));

/** `file:line: attribute=value` for every fixed id reference in the source text. */
function fixedIds(file: string, text: string): string[] {
  return [...text.matchAll(FIXED)].map((m) => `${file}:${text.slice(0, m.index).split("\n").length}: ${m[0]}`);
}

describe("element ids in page-level markup", () => {
  it("finds fixed ids in all their spellings, and not data-testid or computed ones", () => {
    const sample = [
      '<label htmlFor="email">',
      '<input id="email" aria-describedby={"email-error"} />',
      "<h2 id={`title`} />",
      '<section aria-labelledby="t" data-testid="x" id={id} aria-controls={`${id}-panel`} />',
    ].join("\n");
    expect(fixedIds("f.tsx", sample)).toEqual([
      'f.tsx:1: htmlFor="email"',
      'f.tsx:2: id="email"',
      'f.tsx:2: aria-describedby={"email-error"}',
      "f.tsx:3: id={`title`}",
      'f.tsx:4: aria-labelledby="t"',
    ]);
  });

  it("come from useId, not a fixed string, outside the root layout", () => {
    expect(pageLevel.length).toBeGreaterThan(20);
    const found = pageLevel.flatMap((file) => fixedIds(file, fs.readFileSync(file, "utf8")));
    expect(found).toEqual([]);
  });
});
