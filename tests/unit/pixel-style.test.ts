import { describe, expect, it } from "vitest";
import { pixelCustomStyle } from "@/lib/paymob/pixel-style";

// The key names are Pixel's own (the published bundle's src/utils/getStyles.ts and card component read them);
// a misspelt key is silently ignored by Pixel, so the test pins every one.
const KEYS = {
  Label_Text: ["cardLabel", "savedCardsLabel", "saveCardConsentLabel", "cardEndingLabel"],
  Placeholder_Text: ["holderName", "cardNumber", "expiryDate", "securityCode"],
  Error_Text: ["cardNumber", "expiryDate", "securityCode", "holderName"],
  Button_Text: ["payBtn", "viewSavedCardsBtn", "addNewCardBtn"],
  Hint_Text: [
    "saveCardConsentHint",
    "cvvModalTitle",
    "cvvVisaMastercardQuestion",
    "cvvVisaMastercardHint",
    "cvvAmexQuestion",
    "cvvAmexHint",
  ],
} as const;

const ARABIC = /[\u0600-\u06FF]/;
const LATIN_WORD = /[A-Za-z]{4,}/;

/** Every string of a text group, nested {required, invalid} included. */
const strings = (value: unknown): string[] =>
  typeof value === "string" ? [value] : Object.values(value as Record<string, unknown>).flatMap(strings);

describe("pixelCustomStyle", () => {
  it("keeps English as the store's plain style: no direction and no replacement texts", () => {
    expect(pixelCustomStyle("en")).toEqual({ Font_Family: "system-ui, sans-serif", Color_Primary: "#8f4a17" });
  });

  it("turns Pixel right-to-left in Arabic, with the same look", () => {
    const style = pixelCustomStyle("ar");
    expect(style.Direction).toBe("rtl");
    expect(style.Font_Family).toBe("system-ui, sans-serif");
    expect(style.Color_Primary).toBe("#8f4a17");
  });

  it.each(Object.entries(KEYS))("gives every %s key Pixel reads an Arabic text, and no other key", (group, keys) => {
    const texts = pixelCustomStyle("ar")[group as keyof typeof KEYS] as Record<string, unknown>;
    expect(Object.keys(texts).sort()).toEqual([...keys].sort());
    for (const text of strings(texts)) {
      expect(text, `${group}: ${text}`).toMatch(ARABIC);
      // Latin only for the card networks' and the code's own names (CVV), never an English word left behind.
      expect(text.replace(/CVV/g, ""), `${group}: ${text}`).not.toMatch(LATIN_WORD);
    }
  });

  it("splits the card number and expiry errors the way Pixel picks them (required, then invalid)", () => {
    const errors = pixelCustomStyle("ar").Error_Text!;
    for (const key of ["cardNumber", "expiryDate"]) {
      const error = errors[key] as { required: string; invalid: string };
      expect(error.required).not.toBe(error.invalid);
    }
  });

  it("hands each caller its own object, so a caller's change never leaks into the next page", () => {
    const first = pixelCustomStyle("ar");
    first.Button_Text!.payBtn = "changed";
    expect(pixelCustomStyle("ar").Button_Text!.payBtn).toBe("ادفع");
  });
});
