import { bigint, index, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * A customer's saved card: Paymob's card token (TOKEN callback, docs/paymob.md § "Saved cards") and what the
 * customer needs to recognise it. Never a card number: Paymob keeps the card, we keep only its token and the
 * masked number Paymob sends (`xxxx-xxxx-xxxx-2346`). One row per token, whatever Paymob repeats.
 */
export const savedCards = pgTable(
  "saved_cards",
  {
    id: serial("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Paymob's card token, sent back in `card_tokens` and in saved-card payments. Unique: repeats save nothing. */
    token: text("token").notNull().unique(),
    maskedPan: text("masked_pan").notNull(),
    /** Paymob's `card_subtype`: MasterCard, Visa, … */
    cardSubtype: text("card_subtype").notNull(),
    /** The TOKEN callback's `obj.id` and `order_id` (Paymob's order the card was saved on), for support. */
    paymobTokenId: bigint("paymob_token_id", { mode: "number" }).notNull(),
    paymobOrderId: bigint("paymob_order_id", { mode: "number" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("saved_cards_user_idx").on(t.userId)],
);

export type SavedCard = typeof savedCards.$inferSelect;
