import type { EmuLanguage } from "../language";
import type { PaymentResult } from "../payment-finish";

/** A payment refused before any card was charged (payment-finish.ts), or a 3-D Secure step already done. */
export type EmuNotice = Extract<PaymentResult, { kind: "refused" }>["reason"] | "already_completed";

// What the emulator's pages say, in English and Arabic (lib/emulator/language.ts decides which). The emulator
// renders its pages to strings outside the store's next-intl setup, so its words live here, beside the pages.
// Card numbers, expiry, CVV and amounts stay in Latin digits, as on Paymob's and the banks' pages.

type Strings = {
  bannerTitle: string;
  bannerText: string;
  footer: string;
  titleSuffix: string;
  languageSwitch: string;
  switchTo: string;
  payMerchant: (merchant: string) => string;
  amountToPay: string;
  orderItems: string;
  item: string;
  qty: string;
  amount: string;
  reference: string;
  payTitle: (total: string) => string;
  savedTitle: string;
  savedCards: string;
  paySaved: (total: string) => string;
  cardTitle: string;
  saveCard: string;
  pay: (total: string) => string;
  walletTitle: string;
  walletNumber: string;
  walletContinue: string;
  testCards: string;
  testCardsCaption: (holder: string, expiry: string, cvv: string) => [string, string, string, string];
  cardNumber: string;
  brand: string;
  whatHappens: string;
  emulatorOnly: string;
  wallet: string;
  walletRow: (mpin: string, otp: string) => [string, string, string];
  deliveryLog: string;
  nameOnCard: string;
  expiry: string;
  cvv: string;
  // 3-D Secure and wallet confirmation
  challengeCard: string;
  challengeWallet: string;
  issuerCard: string;
  issuerWallet: string;
  walletMpin: string;
  otp: string;
  testValues: (values: string) => string;
  testValuesRest: string;
  confirm: string;
  cancel: string;
  order: (id: number) => string;
  /** The hosted page's refusals and field errors, keyed by their English wording (payment-input.ts, checkout.ts). */
  errors: Record<string, string>;
  /** One-message pages: a payment refused before any card was charged, a step already done (api/checkout.ts). */
  notices: Record<EmuNotice, [title: string, message: string]>;
  /** Paymob's own result page, when the merchant gave no redirection_url. */
  status: Record<"success" | "pending" | "declined", string>;
  statusLine: (transaction: string, message: string) => string;
  frameTitle: string;
  frameHint: string;
};

const en: Strings = {
  bannerTitle: "TEST EMULATOR",
  bannerText: "A local stand-in for Paymob. No real card is charged and no money moves.",
  footer: "Paymob test emulator · this page is not Paymob",
  titleSuffix: "Paymob test emulator",
  languageSwitch: "Language",
  switchTo: "العربية",
  payMerchant: (merchant) => `Pay ${merchant}`,
  amountToPay: "Amount to pay",
  orderItems: "Order items",
  item: "Item",
  qty: "Qty",
  amount: "Amount",
  reference: "Reference",
  payTitle: (total) => `Pay ${total}`,
  savedTitle: "Pay with a saved card",
  savedCards: "Saved cards",
  paySaved: (total) => `Pay ${total} with saved card`,
  cardTitle: "Pay by card",
  saveCard: "Save card for future payments",
  pay: (total) => `Pay ${total}`,
  walletTitle: "Pay with a mobile wallet",
  walletNumber: "Wallet phone number",
  walletContinue: "Continue with wallet",
  testCards: "Test cards",
  testCardsCaption: () => ["Holder ", ", expiry ", ", CVV ", " (any future expiry and any CVV work)."],
  cardNumber: "Card number",
  brand: "Brand",
  whatHappens: "What happens",
  emulatorOnly: "(emulator only)",
  wallet: "Wallet",
  walletRow: () => ["Mobile wallet: MPIN ", ", OTP ", " approves"],
  deliveryLog: "Callback delivery log",
  nameOnCard: "Name on card",
  expiry: "Expiry (MM/YY)",
  cvv: "CVV",
  challengeCard: "3-D Secure verification",
  challengeWallet: "Confirm your wallet payment",
  issuerCard: "Emulated card issuer (ACS)",
  issuerWallet: "Emulated mobile wallet",
  walletMpin: "Wallet MPIN",
  otp: "One-time password",
  testValues: (values) => `Test values: ${values}.`,
  testValuesRest: "Anything else declines the payment.",
  confirm: "Confirm",
  cancel: "Cancel payment",
  order: (id) => `Order ${id}`,
  errors: {},
  notices: {
    already_paid: ["Already paid", "This order has already been paid. Nothing was charged again."],
    expired: ["Payment link expired", "This payment link has expired. Return to the shop and start the payment again."],
    method_unavailable: ["Payment method unavailable", "This payment method is not enabled for this payment."],
    unknown_token: ["Saved card unavailable", "This saved card cannot pay for this payment. Pay with a card instead."],
    cvv_required: ["Security code needed", "Enter the card's 3 or 4 digit security code."],
    not_found: ["Payment not found", "This payment does not exist or the link is incomplete."],
    already_completed: ["Already completed", "This verification step is already complete."],
  },
  status: { success: "Payment successful", pending: "Payment pending", declined: "Payment declined" },
  statusLine: (transaction, message) => `Transaction ${transaction}: ${message}. You can close this page.`,
  frameTitle: "Card details (test emulator)",
  frameHint: "Test emulator · e.g. 5123 4567 8901 2346, 01/39, CVV 123",
};

const ar: Strings = {
  bannerTitle: "محاكي اختبار",
  bannerText: "بديل محلي لـ Paymob للتجربة فقط: لا تُخصم أي مبالغ من أي بطاقة حقيقية.",
  footer: "محاكي Paymob للاختبار · هذه الصفحة ليست من Paymob",
  titleSuffix: "محاكي Paymob للاختبار",
  languageSwitch: "اللغة",
  switchTo: "English",
  payMerchant: (merchant) => `الدفع إلى ${merchant}`,
  amountToPay: "المبلغ المطلوب",
  orderItems: "محتويات الطلب",
  item: "المنتج",
  qty: "الكمية",
  amount: "المبلغ",
  reference: "الرقم المرجعي",
  payTitle: (total) => `ادفع ${total}`,
  savedTitle: "الدفع ببطاقة محفوظة",
  savedCards: "البطاقات المحفوظة",
  paySaved: (total) => `ادفع ${total} بالبطاقة المحفوظة`,
  cardTitle: "الدفع بالبطاقة",
  saveCard: "احفظ البطاقة لمشترياتك القادمة",
  pay: (total) => `ادفع ${total}`,
  walletTitle: "الدفع بالمحفظة الإلكترونية",
  walletNumber: "رقم هاتف المحفظة",
  walletContinue: "المتابعة بالمحفظة",
  testCards: "بطاقات الاختبار",
  testCardsCaption: () => ["اسم حامل البطاقة ", "، تاريخ الانتهاء ", "، رمز الأمان ", " (يُقبل أي تاريخ لاحق وأي رمز)."],
  cardNumber: "رقم البطاقة",
  brand: "النوع",
  whatHappens: "النتيجة",
  emulatorOnly: "(في المحاكي فقط)",
  wallet: "محفظة",
  walletRow: () => ["محفظة إلكترونية: الرقم السري ", "، ورمز التحقق ", " للموافقة"],
  deliveryLog: "سجل إشعارات الدفع المرسلة",
  nameOnCard: "الاسم على البطاقة",
  expiry: "تاريخ الانتهاء (شهر/سنة)",
  cvv: "رمز الأمان (CVV)",
  challengeCard: "التحقق من الدفع (3-D Secure)",
  challengeWallet: "تأكيد الدفع بالمحفظة",
  issuerCard: "صفحة البنك المُصدر للبطاقة (محاكاة)",
  issuerWallet: "المحفظة الإلكترونية (محاكاة)",
  walletMpin: "الرقم السري للمحفظة",
  otp: "رمز التحقق المؤقت",
  testValues: (values) => `قيم الاختبار: ${values}.`,
  testValuesRest: "أي قيمة أخرى تؤدي إلى رفض الدفع.",
  confirm: "تأكيد",
  cancel: "إلغاء الدفع",
  order: (id) => `الطلب رقم ${id}`,
  errors: {
    "Enter a valid card number.": "أدخل رقم بطاقة صحيحًا.",
    "Enter the name on the card.": "أدخل الاسم كما يظهر على البطاقة.",
    "Enter a valid expiry date.": "أدخل تاريخ انتهاء صحيحًا.",
    "This card has expired.": "انتهت صلاحية هذه البطاقة.",
    "Enter the 3 or 4 digit security code.": "أدخل رمز الأمان المكوّن من 3 أو 4 أرقام.",
    "Enter an 11-digit wallet number starting with 01.": "أدخل رقم محفظة من 11 رقمًا يبدأ بـ 01.",
    "Check the payment details.": "راجع بيانات الدفع.",
  },
  notices: {
    already_paid: ["تم الدفع مسبقًا", "دُفع هذا الطلب من قبل، ولم يُخصم أي مبلغ مرة أخرى."],
    expired: ["انتهت صلاحية رابط الدفع", "انتهت صلاحية رابط الدفع هذا. عُد إلى المتجر وابدأ الدفع من جديد."],
    method_unavailable: ["طريقة الدفع غير متاحة", "طريقة الدفع هذه غير مفعّلة لهذه العملية."],
    unknown_token: [
      "البطاقة المحفوظة غير متاحة",
      "لا يمكن الدفع بهذه البطاقة المحفوظة في هذه العملية. ادفع ببطاقة بدلًا منها.",
    ],
    cvv_required: ["رمز الأمان مطلوب", "أدخل رمز الأمان المكوّن من 3 أو 4 أرقام."],
    not_found: ["عملية الدفع غير موجودة", "عملية الدفع هذه غير موجودة أو أن الرابط ناقص."],
    already_completed: ["اكتملت الخطوة", "اكتملت خطوة التحقق هذه من قبل."],
  },
  status: { success: "تم الدفع بنجاح", pending: "الدفع قيد المعالجة", declined: "رُفض الدفع" },
  statusLine: (transaction, message) => `المعاملة ${transaction}: ${message}. يمكنك إغلاق هذه الصفحة.`,
  frameTitle: "بيانات البطاقة (محاكي اختبار)",
  frameHint: "محاكي اختبار · مثال: 5123 4567 8901 2346، 01/39، رمز الأمان 123",
};

export const STRINGS: Record<EmuLanguage, Strings> = { en, ar };

/** An English message of the payment checks in the page's language (unknown ones stay as they are). */
export const translatedError = (language: EmuLanguage, message: string) => STRINGS[language].errors[message] ?? message;

// The test cards' outcomes in Arabic, by card number (lib/emulator/cards.ts holds the English).
export const CARD_OUTCOMES_AR: Record<string, string> = {
  "5123456789012346": "مقبولة",
  "4111111111111111": "مقبولة",
  "5123450000000008": "تحقق 3-D Secure: الرمز 123456 يقبل الدفع، وأي رمز آخر يرفضه",
  "4000000000000002": "مرفوضة (رفض من البنك)",
  "4000000000000101": "معلّقة: تبقى قيد الانتظار",
  "4000000000000200": "مقبولة، ويصل إشعار الدفع 3 مرات، اثنان منها معًا",
  "4000000000000309": "مقبولة، ويصل إشعار الدفع بعد عودة العميل بثوانٍ",
  "4000000000000408": "مقبولة، ثم يصل إشعار قديم بحالة «معلّقة» بعد إشعار القبول",
  "4000000000000507": "مقبولة، دون أي إشعار من الخادم (العودة إلى المتجر فقط)",
  "4000000000000606": "مقبولة، لكن توقيع الإشعار (hmac) غير صحيح",
  "4000000000000705": "حجز المبلغ فقط: لا يُخصم شيء حتى التحصيل، والإلغاء يُفرج عنه",
};
