import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { STORE_NAME } from "@/lib/store";
import { findUiLiterals } from "../helpers/ui-literals";

// No English sentence is written straight into a component: text a shopper sees or hears comes from the
// messages (lib/i18n/messages/<locale>/<namespace>.json) through useTranslations, so the Arabic pages have no
// English left in them. Scans every .tsx under app/ and components/ (tests/helpers/ui-literals.ts says what
// counts: JSX text, and literals in aria-label, placeholder, title, alt and label).

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Words that are the same in both languages: names and codes, not sentences. */
const SAME_IN_EVERY_LANGUAGE = [STORE_NAME, "Paymob", "Pixel", "Next.js", "EGP", "SAR", "AED", "OMR"];

/**
 * The one page kept in English on purpose: the developer's sign-in outbox, which answers 404 in production, so no
 * shopper meets it (it says "English only" and marks itself lang="en"). The test below fails if it is ever clean.
 */
const ENGLISH_ONLY_DEVELOPER_PAGES = new Set(["app/[locale]/dev/outbox/page.tsx"]);

function componentFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".tsx")) found.push(path.relative(ROOT, full).split(path.sep).join("/"));
    }
  };
  walk(path.join(ROOT, "app"));
  walk(path.join(ROOT, "components"));
  return found.sort();
}

const literalsIn = (file: string) =>
  findUiLiterals(file, fs.readFileSync(path.join(ROOT, file), "utf8"), SAME_IN_EVERY_LANGUAGE);

describe("no English literal in a component", () => {
  const files = componentFiles();

  it.each(files.filter((file) => !ENGLISH_ONLY_DEVELOPER_PAGES.has(file)))(
    "%s takes its text from the messages",
    (file) => {
      expect(literalsIn(file).map(({ line, text }) => `${file}:${line} "${text}"`)).toEqual([]);
    },
  );

  it("lists only files that exist and still have English in them", () => {
    const stale = [...ENGLISH_ONLY_DEVELOPER_PAGES].filter(
      (file) => !files.includes(file) || literalsIn(file).length === 0,
    );
    expect(stale, "translated or gone: remove from ENGLISH_ONLY_DEVELOPER_PAGES").toEqual([]);
  });
});

describe("findUiLiterals", () => {
  const scan = (source: string) => findUiLiterals("snippet.tsx", source, SAME_IN_EVERY_LANGUAGE);

  it("finds text between tags, in visible attributes, and in shown branches", () => {
    const source = [
      "export function Buy({ busy }: { busy: boolean }) {",
      "  return (",
      '    <form aria-label="Buy this">',
      '      <input placeholder={"Quantity"} title={`Up to ${9}`} />',
      '      <button>{busy ? "Adding…" : t("add")}</button>',
      "      <p>Add to cart</p>",
      "    </form>",
      "  );",
      "}",
    ].join("\n");
    expect(scan(source).map(({ kind, text }) => [kind, text])).toEqual([
      ["attribute", "Buy this"],
      ["attribute", "Quantity"],
      ["attribute", "Up to"],
      ["text", "Adding…"],
      ["text", "Add to cart"],
    ]);
  });

  it("lets message keys, class names, brand names, codes and punctuation through", () => {
    const source = [
      "export function Fine({ count }: { count: number }) {",
      "  return (",
      '    <p className="text-sm" data-testid="price" aria-label={t("price")}>',
      '      {t("total", { count })} · {STORE_NAME} · Paymob · EGP · {count} × 2 ({count})',
      `      <span title="${STORE_NAME}">—</span>`,
      "    </p>",
      "  );",
      "}",
    ].join("\n");
    expect(scan(source)).toEqual([]);
  });
});
