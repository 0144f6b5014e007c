import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

/**
 * Headless Chromium flags: `--no-sandbox` because CI runs as root, where Chromium refuses to start sandboxed;
 * `--disable-dev-shm-usage` for containers' small /dev/shm; the rest keep it from phoning home (updates, sync,
 * QUIC), so a run needs no network and measures only the page.
 */
export const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export type PageScore = {
  performance: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  report: string;
};

/**
 * Lighthouse's default (mobile, simulated throttling) performance run of one URL, `runs` times in a fresh
 * Chromium each; the median run by performance score is reported, as Lighthouse's own docs recommend.
 */
export async function lighthouseMedian(
  url: string,
  runs: number,
  headers: Record<string, string>,
  blocked: string[] = [],
): Promise<PageScore & { all: number[] }> {
  const results: PageScore[] = [];
  for (let i = 0; i < runs; i++) results.push(await lighthouseOnce(url, headers, blocked));
  const sorted = [...results].sort((a, b) => a.performance - b.performance);
  return { ...sorted[Math.floor(sorted.length / 2)]!, all: results.map((r) => r.performance) };
}

async function lighthouseOnce(url: string, headers: Record<string, string>, blocked: string[]): Promise<PageScore> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags: CHROME_FLAGS,
    logLevel: "silent",
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      extraHeaders: headers,
      blockedUrlPatterns: blocked,
      maxWaitForLoad: 60_000,
    });
    if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      report: typeof result.report === "string" ? result.report : (result.report[0] ?? ""),
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      lcpMs: audit("largest-contentful-paint"),
      tbtMs: audit("total-blocking-time"),
      cls: audit("cumulative-layout-shift"),
      fcpMs: audit("first-contentful-paint"),
    };
  } finally {
    await chrome.kill();
  }
}
