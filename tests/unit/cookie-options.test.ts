import { afterEach, describe, expect, it } from "vitest";
import { persistentCookie } from "@/lib/cookie-options";

const saved = process.env.APP_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = saved;
});

describe("the store's persistent cookies", () => {
  it("are httpOnly, Lax (they must return from Paymob's top-level redirect) and site-wide", () => {
    expect(persistentCookie(60)).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 });
  });

  it("are Secure exactly when the app is served over https", () => {
    process.env.APP_URL = "https://shop.example.com";
    expect(persistentCookie(60).secure).toBe(true);
    process.env.APP_URL = "http://localhost:3000";
    expect(persistentCookie(60).secure).toBe(false);
  });
});
