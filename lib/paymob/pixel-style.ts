import { localeDirection, type AppLocale } from "@/lib/i18n/routing";

// Pixel's `customStyle` for the page's language. Pixel has no language option of its own (it starts in English
// whatever the page): an Arabic page gets Arabic only through `Direction` and the five text groups, whose keys
// are the ones the published bundle reads (docs/paymob.md § "Language"). English keeps the store's plain style,
// so Pixel's own English texts stay as they are.

export type PixelCustomStyle = {
  Font_Family: string;
  Color_Primary: string;
  Direction?: "rtl" | "ltr";
  Label_Text?: Record<string, string>;
  Placeholder_Text?: Record<string, string>;
  Error_Text?: Record<string, string | { required: string; invalid: string }>;
  Button_Text?: Record<string, string>;
  Hint_Text?: Record<string, string>;
};

/** The store's look, the same in both languages. */
const BASE_STYLE = { Font_Family: "system-ui, sans-serif", Color_Primary: "#8f4a17" } as const;

// Pixel prints the amount after `payBtn` ("ادفع EGP 350.00"), so the button text is the verb alone.
const ARABIC_TEXTS = {
  Label_Text: {
    cardLabel: "بيانات البطاقة",
    savedCardsLabel: "البطاقات المحفوظة",
    saveCardConsentLabel: "احفظ البطاقة لمشترياتك القادمة",
    cardEndingLabel: "بطاقة تنتهي بـ",
  },
  Placeholder_Text: {
    holderName: "الاسم كما يظهر على البطاقة",
    cardNumber: "رقم البطاقة",
    expiryDate: "تاريخ الانتهاء (شهر/سنة)",
    securityCode: "رمز الأمان (CVV)",
  },
  Error_Text: {
    cardNumber: { required: "أدخل رقم البطاقة", invalid: "رقم البطاقة غير صحيح" },
    expiryDate: { required: "أدخل تاريخ انتهاء البطاقة", invalid: "تاريخ الانتهاء غير صحيح" },
    securityCode: { required: "أدخل رمز الأمان (CVV)", invalid: "رمز الأمان غير صحيح" },
    holderName: "أدخل الاسم كما يظهر على البطاقة",
  },
  Button_Text: {
    payBtn: "ادفع",
    viewSavedCardsBtn: "عرض البطاقات المحفوظة",
    addNewCardBtn: "استخدام بطاقة جديدة",
  },
  Hint_Text: {
    saveCardConsentHint: "سنحفظ بيانات بطاقتك لتدفع بها أسرع في المرات القادمة.",
    cvvModalTitle: "ما رمز الأمان (CVV)؟",
    cvvVisaMastercardQuestion: "بطاقة فيزا أو ماستركارد؟",
    cvvVisaMastercardHint: "رمز من 3 أرقام مطبوع على ظهر البطاقة.",
    cvvAmexQuestion: "بطاقة أمريكان إكسبريس؟",
    cvvAmexHint: "رمز من 4 أرقام مطبوع على وجه البطاقة فوق رقمها.",
  },
} as const satisfies Omit<PixelCustomStyle, "Font_Family" | "Color_Primary" | "Direction">;

/** Pixel's `customStyle` for a store locale: the plain style in English, right-to-left with Arabic texts in Arabic. */
export function pixelCustomStyle(locale: AppLocale): PixelCustomStyle {
  if (locale === "en") return { ...BASE_STYLE };
  return { ...BASE_STYLE, Direction: localeDirection(locale), ...structuredClone(ARABIC_TEXTS) };
}
