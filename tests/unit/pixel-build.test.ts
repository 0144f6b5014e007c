import { describe, expect, it } from "vitest";
import { envProblems } from "@/lib/env";
import { pixelBuild } from "@/lib/paymob/pixel-build";

const TEST_KEYS = {
  PAYMOB_SECRET_KEY: "egy_sk_test_abc123",
  PAYMOB_PUBLIC_KEY: "egy_pk_test_abc123",
  PAYMOB_HMAC_SECRET: "A1B2C3D4E5F60718293A4B5C6D7E8F90",
  PAYMOB_PAYMENT_METHODS: "123456",
};
const LIVE_KEYS = { ...TEST_KEYS, PAYMOB_SECRET_KEY: "egy_sk_live_abc123", PAYMOB_PUBLIC_KEY: "egy_pk_live_abc123" };

describe("PAYMOB_PIXEL_BUILD", () => {
  it("defaults to the emulator's script without keys and to the documented CDN build with them", () => {
    expect(pixelBuild({}, "emulator")).toBe("emulator");
    expect(pixelBuild({}, "test")).toBe("paymob-pixel");
    expect(pixelBuild({ PAYMOB_PIXEL_BUILD: "  " }, "live")).toBe("paymob-pixel");
  });

  it("takes any build that can work, case and spaces aside", () => {
    expect(pixelBuild({ PAYMOB_PIXEL_BUILD: " Paymob-Pixel-Alpha " }, "emulator")).toBe("paymob-pixel-alpha");
    expect(pixelBuild({ PAYMOB_PIXEL_BUILD: "paymob-pixel-alpha" }, "test")).toBe("paymob-pixel-alpha");
    expect(pixelBuild({ PAYMOB_PIXEL_BUILD: "paymob-pixel" }, "emulator")).toBe("paymob-pixel");
  });

  it("refuses, at start, an unknown build, the emulator's script with keys, and the staging build with live keys", () => {
    expect(envProblems({ PAYMOB_PIXEL_BUILD: "pixel" }).join("\n")).toMatch(
      /PAYMOB_PIXEL_BUILD must be one of emulator, paymob-pixel, paymob-pixel-alpha \(got "pixel"\)/,
    );
    expect(envProblems({ ...TEST_KEYS, PAYMOB_PIXEL_BUILD: "emulator" }).join("\n")).toMatch(
      /PAYMOB_PIXEL_BUILD=emulator needs the built-in emulator/,
    );
    expect(envProblems({ ...LIVE_KEYS, PAYMOB_PIXEL_BUILD: "paymob-pixel-alpha" }).join("\n")).toMatch(
      /staging hosts: it cannot take live keys/,
    );
    expect(envProblems({ ...TEST_KEYS, PAYMOB_PIXEL_BUILD: "paymob-pixel-alpha" })).toEqual([]);
    expect(envProblems({ PAYMOB_PIXEL_BUILD: "paymob-pixel-alpha" })).toEqual([]);
  });
});
