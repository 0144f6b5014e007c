import {
  isLiteralElement,
  isPluralElement,
  isPoundElement,
  isSelectElement,
  isTagElement,
  parse,
  type MessageFormatElement,
} from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { routing } from "@/lib/i18n/routing";
import { leaves, type Tree } from "../helpers/message-tree";

// Every namespace of every language, checked against English (the source of the key types): the same keys, the same
// ICU arguments and rich-text tags in each message, and each message formats without an ICU error.

/** The arguments ({name}, {count, plural, …}) and tags (<q>…</q>) a message uses, sorted: read with the ICU parser
 * next-intl formats with, so a select's option bodies ({captured}) are text, not arguments. */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (nodes: MessageFormatElement[]) => {
    for (const node of nodes) {
      if (isTagElement(node)) {
        found.add(`<${node.value}>`);
        walk(node.children);
        continue;
      }
      if (isLiteralElement(node) || isPoundElement(node)) continue;
      found.add(`{${node.value}}`);
      if (isSelectElement(node) || isPluralElement(node))
        for (const option of Object.values(node.options)) walk(option.value);
    }
  };
  walk(parse(message));
  return [...found].sort();
}

const english = leaves(MESSAGES.en as unknown as Tree);
const others = routing.locales.filter((locale) => locale !== "en");

describe("message catalogues", () => {
  it("has at least one message per namespace, and Arabic among the other languages", () => {
    expect(others).toContain("ar");
    for (const namespace of Object.keys(MESSAGES.en)) {
      expect(
        [...english.keys()].some((key) => key.startsWith(`${namespace}.`)),
        namespace,
      ).toBe(true);
    }
  });

  it.each(others)("%s has exactly the English keys", (locale) => {
    expect([...leaves(MESSAGES[locale] as unknown as Tree).keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(others)("%s uses the same arguments and tags as English in every message", (locale) => {
    const translated = leaves(MESSAGES[locale] as unknown as Tree);
    for (const [key, message] of english) {
      expect(placeholders(translated.get(key) ?? ""), key).toEqual(placeholders(message));
    }
  });

  it.each(others)("%s isolates as many runs in <bdi> as English in every message", (locale) => {
    const translated = leaves(MESSAGES[locale] as unknown as Tree);
    const bdi = (message: string) => message.match(/<\/?bdi>/g) ?? [];
    for (const [key, message] of english) expect(bdi(translated.get(key) ?? ""), key).toEqual(bdi(message));
  });

  it.each(routing.locales)("every %s message formats without an ICU error", (locale) => {
    const errors: string[] = [];
    const t = createTranslator({
      locale,
      messages: MESSAGES[locale],
      onError: (error) => errors.push(error.message),
    }) as unknown as { markup: (key: string, values: Record<string, unknown>) => string };
    for (const [key, message] of english) {
      const values: Record<string, unknown> = {};
      for (const p of placeholders(message)) {
        const name = p.slice(1, -1);
        values[name] = p.startsWith("<") ? (chunks: string) => chunks : name === "count" ? 3 : "x";
      }
      const out = t.markup(key, values);
      expect(out, key).not.toBe(key);
      expect(out, key).not.toMatch(/[{}<>]/);
    }
    expect(errors).toEqual([]);
  });
});
