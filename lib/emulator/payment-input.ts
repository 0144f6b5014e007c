import { z } from "zod";
import { luhnValid } from "./cards";

// The payer's card / wallet details, as typed into the hosted page or the Pixel iframe.

const digitsOnly = (s: string) => s.replace(/[\s-]/g, "");

function expiryInFuture(month: number, year2: number, now = new Date()): boolean {
  const year = 2000 + year2;
  return year > now.getUTCFullYear() || (year === now.getUTCFullYear() && month >= now.getUTCMonth() + 1);
}

export const cardInput = z
  .object({
    number: z.string().transform(digitsOnly).refine(luhnValid, "Enter a valid card number."),
    name: z.string().trim().min(1, "Enter the name on the card.").max(100),
    expiryMonth: z.coerce.number().int().min(1, "Enter a valid expiry date.").max(12, "Enter a valid expiry date."),
    expiryYear: z.coerce.number().int().min(0, "Enter a valid expiry date.").max(99, "Enter a valid expiry date."),
    cvv: z.string().regex(/^\d{3,4}$/, "Enter the 3 or 4 digit security code."),
    saveCard: z.boolean(),
  })
  .refine((c) => expiryInFuture(c.expiryMonth, c.expiryYear), { message: "This card has expired.", path: ["expiry"] });

export const walletInput = z.object({
  number: z
    .string()
    .transform(digitsOnly)
    .pipe(z.string().regex(/^01\d{9}$/, "Enter an 11-digit wallet number starting with 01.")),
});

/** "01/39", "1 / 39" → [1, 39]; anything else → [NaN, NaN] so validation reports it. */
export function splitExpiry(expiry: string): [number, number] {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{2})\s*$/.exec(expiry);
  return m ? [Number(m[1]), Number(m[2])] : [Number.NaN, Number.NaN];
}

export const firstError = (error: z.ZodError) => error.issues[0]?.message ?? "Check the payment details.";
