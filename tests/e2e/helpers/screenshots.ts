import path from "node:path";
import type { Page } from "@playwright/test";

/**
 * A run's screenshots go under Playwright's output folder (test-results/: ignored, emptied at the start of each
 * run), so an e2e run leaves the tracked tree clean. `npm run screenshots` copies the README's from there.
 */
const screenshotDir = (outputDir: string) => path.join(outputDir, "screenshots");

export async function saveScreenshot(page: Page, outputDir: string, name: string) {
  // Every illustration decoded first, so the README picture is complete. Lazy images below the fold load only
  // when scrolled to: made eager here, so the wait does not depend on scrolling and timing.
  await page.evaluate(() =>
    document.querySelectorAll<HTMLImageElement>("img[loading=lazy]").forEach((img) => (img.loading = "eager")),
  );
  await page.waitForFunction(
    () => Array.from(document.images).every((img) => img.complete && img.naturalWidth > 0),
    undefined,
    { timeout: 10_000 },
  );
  await page.screenshot({ path: path.join(screenshotDir(outputDir), `${name}.png`), fullPage: true });
}
