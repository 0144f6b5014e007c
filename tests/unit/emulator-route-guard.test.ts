import { afterEach, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/paymob-emulator/[[...path]]/route";
import { EMULATOR_MOUNT } from "@/lib/paymob/emulator-credentials";

// The emulator route on a public production store: shut, even though no real keys are set (issue: self-hosted
// `next start` on an https domain ran the emulator, whose signing secret is public).
const asset = (origin: string) => new Request(`${origin}${EMULATOR_MOUNT}/pixel/main.js`);

afterEach(() => vi.unstubAllEnvs());

function stub(env: Record<string, string | undefined>) {
  for (const name of ["PAYMOB_SECRET_KEY", "VERCEL_ENV", "ALLOW_EMULATOR_IN_PRODUCTION"]) vi.stubEnv(name, undefined);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
}

describe("the emulator route", () => {
  it("answers 404 on a public production store without keys", async () => {
    stub({ NODE_ENV: "production", APP_URL: "https://shop.example.com" });
    expect((await GET(asset("https://shop.example.com"))).status).toBe(404);
    const intention = new Request(`https://shop.example.com${EMULATOR_MOUNT}/v1/intention/`, {
      method: "POST",
      body: "{}",
    });
    expect((await POST(intention)).status).toBe(404);
  });

  it("serves on `npm start` (loopback APP_URL) and on a store declared a demo", async () => {
    stub({ NODE_ENV: "production", APP_URL: "http://localhost:3000" });
    expect((await GET(asset("http://localhost:3000"))).status).toBe(200);
    stub({ NODE_ENV: "production", APP_URL: "https://demo.example.com", ALLOW_EMULATOR_IN_PRODUCTION: "1" });
    expect((await GET(asset("https://demo.example.com"))).status).toBe(200);
  });
});
