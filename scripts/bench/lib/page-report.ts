import { kb, type FirstLoadJs } from "./first-load-js";
import type { HtmlWeight } from "./html-weight";
import type { PageScore } from "./lighthouse";

// What `npm run bench:pages` prints of its Lighthouse part: the table of every page against the bare Next.js page
// measured in the same run, then PASS/FAIL per budget and the one "every page ≥ bare" verdict. Measuring is
// ../pages.ts's.

export type Route = { name: string; path: string; cookie?: string };
export type Measured = Route & { score: PageScore & { all: number[] }; js: FirstLoadJs; html: HtmlWeight };
export type Bare = FirstLoadJs & { score: PageScore & { all: number[] }; html: HtmlWeight };

/** First-load JS a page may carry beyond the bare page's (gzip). */
const JS_BUDGET_OVER_BARE = 15 * 1024;

/** The score a page needs in this run: the bare page's median, and 100 wherever bare reaches 100. */
const requiredScore = (bare: Bare) => (bare.score.performance >= 100 ? 100 : bare.score.performance);

export function reportLighthouse(bare: Bare, pages: Measured[]): void {
  console.log(
    `\n${"page".padEnd(32)} perf  ×bare    LCP       TBT      CLS    HTML raw / gzip (CSS copies)   first-load JS (gzip)`,
  );
  const row = (name: string, score: PageScore, html: HtmlWeight, js: string) =>
    console.log(
      `${name.padEnd(32)} ${String(score.performance).padStart(4)}  ${(score.performance / bare.score.performance).toFixed(2).padStart(5)}  ${(score.lcpMs / 1000).toFixed(2).padStart(5)} s  ${score.tbtMs.toFixed(0).padStart(5)} ms  ${score.cls.toFixed(3)}  ${`${kb(html.rawBytes)} / ${kb(html.gzipBytes)} (${html.stylesheetCopies})`.padEnd(30)} ${js}`,
    );
  row("bare Next.js page", bare.score, bare.html, `${kb(bare.gzipBytes).padStart(9)} (${bare.scripts} scripts)`);
  for (const p of pages) {
    const extra = p.js.gzipBytes - bare.gzipBytes;
    row(
      p.name,
      p.score,
      p.html,
      `${kb(p.js.gzipBytes).padStart(9)} (${p.js.scripts} scripts, +${kb(extra)} over bare)`,
    );
  }
  console.log(
    "perf: median of the runs (×bare: over the bare page's median in this run); LCP/TBT/CLS: that median run's. CSS copies: times the stylesheet's text is in the HTML (<style> and RSC payload); 0 = linked.",
  );
  console.log("");
}

/** Prints PASS/FAIL per budget and the one-line verdict; false when anything failed. */
export function reportChecks(bare: Bare, pages: Measured[]): boolean {
  const required = requiredScore(bare);
  const checks = pages.flatMap((p) => [
    {
      ok: p.score.performance >= required,
      line: `[${p.name}] performance ${p.score.performance} (bare ${bare.score.performance}; needs ≥ ${required})`,
    },
    {
      ok: p.html.stylesheetCopies <= 1,
      line: `[${p.name}] stylesheet text in the HTML ${p.html.stylesheetCopies}× (budget: at most once)`,
    },
    {
      ok: p.js.gzipBytes - bare.gzipBytes <= JS_BUDGET_OVER_BARE,
      line: `[${p.name}] first-load JS ${kb(p.js.gzipBytes)} = bare ${kb(bare.gzipBytes)} + ${kb(p.js.gzipBytes - bare.gzipBytes)} (budget +${kb(JS_BUDGET_OVER_BARE)})`,
    },
  ]);
  for (const c of checks) console.log(`${c.ok ? "PASS" : "FAIL"} ${c.line}`);
  const below = pages.filter((p) => p.score.performance < required);
  console.log(
    below.length === 0
      ? `PASS every page ≥ bare: medians ${pages.map((p) => p.score.performance).join(", ")} against bare ${bare.score.performance} (needs ≥ ${required})`
      : `FAIL every page ≥ bare: ${below.map((p) => `${p.name} ${p.score.performance}`).join(", ")} below ${required} (bare ${bare.score.performance})`,
  );
  return checks.every((c) => c.ok);
}
