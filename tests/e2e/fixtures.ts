import { test as base } from "@playwright/test";
import { saveScreenshot } from "./helpers/screenshots";
import { Store } from "./helpers/store";

// The specs' shared setup: `store` drives the test's own page through the shop; pages of other browsers
// (a second customer, an admin) get their own `new Store(page)`.

type Fixtures = {
  store: Store;
  /** A full-page screenshot of the test's page, into the run's output folder (see helpers/screenshots.ts). */
  takeScreenshot: (name: string) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  store: async ({ page }, use) => {
    await use(new Store(page));
  },
  takeScreenshot: async ({ page }, use, testInfo) => {
    await use((name) => saveScreenshot(page, testInfo.project.outputDir, name));
  },
});

export { expect } from "@playwright/test";
