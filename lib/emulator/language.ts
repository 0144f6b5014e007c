// The language of the emulator's own pages (hosted checkout, 3-D Secure, Pixel's card frame). Paymob documents
// no language parameter for Unified Checkout (docs/paymob.md § "Language"), so the emulator reads none from the
// merchant: a hosted page knows what the customer's browser asks for (Accept-Language), and the customer can
// switch, as Paymob's front-end code lets them. The switch is a cookie on the emulator's own path.

const EMU_LANGUAGES = ["en", "ar"] as const;
export type EmuLanguage = (typeof EMU_LANGUAGES)[number];

export const LANGUAGE_COOKIE = "paymob_emu_lang";

const isEmuLanguage = (value: unknown): value is EmuLanguage =>
  typeof value === "string" && (EMU_LANGUAGES as readonly string[]).includes(value);

export const directionOf = (language: EmuLanguage): "rtl" | "ltr" => (language === "ar" ? "rtl" : "ltr");

/**
 * The first of Arabic or English the header asks for, by quality then order ("ar-EG,ar;q=0.9,en;q=0.8" → ar);
 * null when it names neither (a French browser gets English, the default, from the caller).
 */
export function fromAcceptLanguage(header: string | null): EmuLanguage | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.trim().toLowerCase().split("-")[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0 && isEmuLanguage(entry.primary))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.primary as EmuLanguage | undefined) ?? null;
}

function fromCookie(header: string | null): EmuLanguage | null {
  for (const pair of (header ?? "").split(";")) {
    const [name, value] = pair.trim().split("=");
    if (name === LANGUAGE_COOKIE && isEmuLanguage(value)) return value;
  }
  return null;
}

/** A hosted page's language: the customer's switch, else the browser's preference, else English. */
export function pageLanguage(request: Request): EmuLanguage {
  return (
    fromCookie(request.headers.get("cookie")) ?? fromAcceptLanguage(request.headers.get("accept-language")) ?? "en"
  );
}

/** The `lang` of the emulator's own links (the 3-D Secure page after an Arabic payment), if it names one. */
export function languageParam(url: URL): EmuLanguage | null {
  const value = url.searchParams.get("lang");
  return isEmuLanguage(value) ? value : null;
}

/**
 * Carries the paying page's language to the emulator's next page (the bank's 3-D Secure step): English is the
 * default and adds nothing, so English links stay as they always were.
 */
export function withLanguage(url: string, language: EmuLanguage): string {
  if (language === "en") return url;
  const next = new URL(url);
  next.searchParams.set("lang", language);
  return next.toString();
}
