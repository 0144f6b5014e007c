#!/usr/bin/env node
// `npm run screenshots`: refreshes the README's pictures. It runs the e2e specs that take them (Playwright's own
// production build against the emulator, as `npm run test:e2e` does) and, only if they all pass, copies the
// pictures into docs/screenshots/. Ordinary e2e runs write theirs into test-results/ (ignored), so the tracked
// ones change only when someone runs this on purpose. Extra arguments go to Playwright.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const OUTPUT = "test-results"; // Playwright's output folder; tests/e2e/helpers/screenshots.ts writes under it
const SPECS = ["tests/e2e/cart.spec.ts", "tests/e2e/checkout.spec.ts", "tests/e2e/arabic-checkout.spec.ts"];
const PICTURES = [
  "home",
  "product",
  "cart",
  "checkout",
  "pixel",
  "return-paid",
  "checkout-phone",
  "return-paid-phone",
  "ar-home-phone",
  "ar-product-phone",
  "ar-checkout-phone",
  "ar-return-paid-phone",
]; // the ones README.md shows
const TARGET = "docs/screenshots";

const run = spawnSync(
  path.resolve("node_modules/.bin/playwright"),
  ["test", ...SPECS, `--output=${OUTPUT}`, ...process.argv.slice(2)],
  { stdio: "inherit" },
);
if (run.status !== 0) {
  console.error(`[screenshots] the specs failed; ${TARGET}/ left as it was`);
  process.exit(run.status ?? 1);
}

const source = (name) => path.join(OUTPUT, "screenshots", `${name}.png`);
const missing = PICTURES.filter((name) => !fs.existsSync(source(name)));
if (missing.length > 0) {
  console.error(`[screenshots] not taken: ${missing.join(", ")}; ${TARGET}/ left as it was`);
  process.exit(1);
}
fs.mkdirSync(TARGET, { recursive: true });
for (const name of PICTURES) fs.copyFileSync(source(name), path.join(TARGET, `${name}.png`));
console.log(`[screenshots] ${PICTURES.length} pictures copied into ${TARGET}/`);
