import fs from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContext } from "@playwright/test";
import { EMULATOR_MOUNT } from "../../../lib/paymob/emulator-credentials";
import { PIXEL_ALPHA } from "../../../lib/paymob/urls";

// Paymob's published Pixel (npm `paymob-pixel-alpha`) against the built-in emulator. The store, started with
// PAYMOB_PIXEL_BUILD=paymob-pixel-alpha, loads the bundle from jsDelivr and allows its two staging hosts in its
// CSP; here the browser gets the installed copy of that bundle for the jsDelivr URL, and both staging hosts are
// answered by the emulator, which mirrors Paymob's paths for the API host and the card-frame host alike.

/** The installed package's one file (its `exports` point at main.js). */
const require = createRequire(import.meta.url);
const BUNDLE = fs.readFileSync(require.resolve("paymob-pixel-alpha"));

export type PaymobHostTraffic = { method: string; url: string }[];

/** Routes the bundle and Paymob's staging hosts for every page of `context`; returns what went to those hosts. */
export async function routePaymobPixel(context: BrowserContext, appUrl: string): Promise<PaymobHostTraffic> {
  const traffic: PaymobHostTraffic = [];
  await context.route(`${PIXEL_ALPHA.folder}/main.js`, (route) =>
    // A module script from another origin needs CORS, which jsDelivr sends.
    route.fulfill({
      body: BUNDLE,
      headers: { "content-type": "application/javascript; charset=utf-8", "access-control-allow-origin": "*" },
    }),
  );
  for (const host of [PIXEL_ALPHA.api, PIXEL_ALPHA.frontEnd]) {
    await context.route(`${host}/**`, async (route) => {
      const url = new URL(route.request().url());
      traffic.push({ method: route.request().method(), url: url.href });
      const response = await route.fetch({ url: `${appUrl}${EMULATOR_MOUNT}${url.pathname}${url.search}` });
      await route.fulfill({ response });
    });
  }
  return traffic;
}
