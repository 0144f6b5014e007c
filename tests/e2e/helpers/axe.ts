import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// axe-core as the suite uses it: WCAG 2.1 A and AA rules, plus label-content-name-mismatch, which axe ships as
// experimental (off by default) but which catches a visible label missing from the accessible name: speech-control
// users say what they see ("click Cart 3"). Serious and critical findings fail; lesser ones are only printed.

export type AxeFinding = { page: string; id: string; impact: string; help: string; targets: string[] };

export async function axeFindings(page: Page, label: string): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  return results.violations.map((v) => ({
    page: label,
    id: v.id,
    impact: v.impact ?? "unknown",
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}

const formatFindings = (findings: AxeFinding[]) =>
  findings.map((f) => `- [${f.impact}] ${f.page}: ${f.id} (${f.help}) ${f.targets.join(" | ")}`).join("\n");

/** Fails on serious or critical findings among `findings`, printing the lesser ones. */
export function expectNoSeriousFindings(findings: AxeFinding[]) {
  const serious = findings.filter((f) => f.impact === "serious" || f.impact === "critical");
  const lesser = findings.filter((f) => !serious.includes(f));
  if (lesser.length) console.log(`axe: ${lesser.length} moderate or minor findings:\n${formatFindings(lesser)}`);
  expect(serious, `serious or critical axe findings:\n${formatFindings(serious)}`).toEqual([]);
}

/** The page as it is now has no serious or critical finding. */
export async function expectAccessible(page: Page, label = page.url()) {
  expectNoSeriousFindings(await axeFindings(page, label));
}
