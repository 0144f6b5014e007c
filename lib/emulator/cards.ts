import type { EmuScenario } from "./db/schema";

// What each test card does. Paymob documents only the approved ones (test-credentials page, June 2026:
// 5123456789012346, 5123450000000008, 4111111111111111); Paymob has no public decline/pending cards, so the
// emulator defines its own, all Luhn-valid, in a 4000 0000 0000 0xxx range that no real card uses.
export type CardBehaviour =
  /** `authOnly`: the payment is an authorisation (is_auth) that the merchant still has to capture or void. */
  | { outcome: "approved"; threeDs: boolean; scenario?: EmuScenario; authOnly?: boolean }
  | { outcome: "declined" }
  | { outcome: "pending" };

export type TestCard = {
  number: string;
  brand: "MasterCard" | "Visa";
  behaviour: CardBehaviour;
  description: string;
  paymob: boolean;
};

export const TEST_CARDS: readonly TestCard[] = [
  {
    number: "5123456789012346",
    brand: "MasterCard",
    behaviour: { outcome: "approved", threeDs: false },
    description: "Approved",
    paymob: true,
  },
  {
    number: "4111111111111111",
    brand: "Visa",
    behaviour: { outcome: "approved", threeDs: false },
    description: "Approved",
    paymob: true,
  },
  {
    number: "5123450000000008",
    brand: "MasterCard",
    behaviour: { outcome: "approved", threeDs: true },
    description: "3-D Secure: OTP 123456 approves, any other OTP declines",
    paymob: true,
  },
  {
    number: "4000000000000002",
    brand: "Visa",
    behaviour: { outcome: "declined" },
    description: "Declined (Do not honour)",
    paymob: false,
  },
  {
    number: "4000000000000101",
    brand: "Visa",
    behaviour: { outcome: "pending" },
    description: "Pending: stays pending=true",
    paymob: false,
  },
  {
    number: "4000000000000200",
    brand: "Visa",
    behaviour: { outcome: "approved", threeDs: false, scenario: "duplicate" },
    description: "Approved; the callback arrives 3 times, two at once",
    paymob: false,
  },
  {
    number: "4000000000000309",
    brand: "Visa",
    behaviour: { outcome: "approved", threeDs: false, scenario: "delayed" },
    description: "Approved; the callback arrives seconds after the redirect",
    paymob: false,
  },
  {
    number: "4000000000000408",
    brand: "Visa",
    behaviour: { outcome: "approved", threeDs: false, scenario: "out_of_order" },
    description: "Approved; a stale pending callback arrives after the approved one",
    paymob: false,
  },
  {
    number: "4000000000000507",
    brand: "Visa",
    behaviour: { outcome: "approved", threeDs: false, scenario: "missing" },
    description: "Approved; no server callback at all (redirect only)",
    paymob: false,
  },
  {
    number: "4000000000000606",
    brand: "Visa",
    behaviour: { outcome: "approved", threeDs: false, scenario: "bad_signature" },
    description: "Approved; the callback carries a wrong hmac",
    paymob: false,
  },
  {
    number: "4000000000000705",
    brand: "Visa",
    behaviour: { outcome: "approved", threeDs: false, authOnly: true },
    description: "Authorised only (is_auth): nothing is charged until a capture; void releases it",
    paymob: false,
  },
];

export const TEST_CARD_HOLDER = "Test Account";
export const TEST_CARD_EXPIRY = "01/39";
export const TEST_CARD_CVV = "123";
export const THREE_DS_OTP = "123456";
export const TEST_WALLET = { number: "01010101010", mpin: "123456", otp: "123456" } as const;

export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Unknown but well-formed cards are declined: in test mode only test cards succeed. */
export function cardBehaviour(digits: string): { brand: TestCard["brand"]; behaviour: CardBehaviour; known: boolean } {
  const card = TEST_CARDS.find((c) => c.number === digits);
  if (card) return { brand: card.brand, behaviour: card.behaviour, known: true };
  return {
    brand: digits.startsWith("5") || digits.startsWith("2") ? "MasterCard" : "Visa",
    behaviour: { outcome: "declined" },
    known: false,
  };
}

/** `512345xxxxxx2346`, as in Paymob's `data.card_num`. */
export const cardNumMask = (digits: string) =>
  `${digits.slice(0, 6)}${"x".repeat(Math.max(0, digits.length - 10))}${digits.slice(-4)}`;
/** `xxxx-xxxx-xxxx-2346`, as in TOKEN callbacks' `masked_pan`. */
export const tokenMaskedPan = (digits: string) => `xxxx-xxxx-xxxx-${digits.slice(-4)}`;
