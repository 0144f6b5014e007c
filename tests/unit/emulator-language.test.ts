import { describe, expect, it } from "vitest";
import { fromAcceptLanguage, languageParam, pageLanguage, withLanguage } from "@/lib/emulator/language";

describe("the emulator pages' language", () => {
  it.each([
    [null, null],
    ["", null],
    ["ar", "ar"],
    ["ar-EG,ar;q=0.9,en;q=0.8", "ar"],
    ["en-US,en;q=0.9,ar;q=0.8", "en"],
    ["fr-FR,fr;q=0.9,ar;q=0.5", "ar"], // French is not offered: the next one the customer reads
    ["en;q=0.4, ar-SA;q=0.7", "ar"], // quality beats order
    ["ar;q=0, en", "en"], // q=0 means "not this one"
    ["de, fr", null],
    ["*", null],
  ])("reads %j as %j", (header, expected) => {
    expect(fromAcceptLanguage(header)).toBe(expected);
  });

  it("prefers the customer's switch (the cookie) to the browser, and English to nothing", () => {
    const request = (headers: Record<string, string>) => new Request("http://x.test/", { headers });
    expect(pageLanguage(request({}))).toBe("en");
    expect(pageLanguage(request({ "accept-language": "ar" }))).toBe("ar");
    expect(pageLanguage(request({ "accept-language": "ar", cookie: "a=b; paymob_emu_lang=en" }))).toBe("en");
    expect(pageLanguage(request({ "accept-language": "en", cookie: "paymob_emu_lang=ar" }))).toBe("ar");
    expect(pageLanguage(request({ "accept-language": "en", cookie: "paymob_emu_lang=fr" }))).toBe("en");
  });

  it("adds the language to a link only when it is not English, so English links stay as they were", () => {
    const acs = "http://x.test/paymob-emulator/acs/7/?token=abc";
    expect(withLanguage(acs, "en")).toBe(acs);
    expect(withLanguage(acs, "ar")).toBe("http://x.test/paymob-emulator/acs/7/?token=abc&lang=ar");
    expect(languageParam(new URL(withLanguage(acs, "ar")))).toBe("ar");
    expect(languageParam(new URL(`${acs}&lang=xx`))).toBeNull();
  });
});
