// The emulator's own tables: its "Paymob side", which the app's payment tables never read, exactly as the app
// cannot read Paymob's database. They live in their own Postgres schema, so they can never collide with the
// app's tables, and have their own migrations (./migrations, applied by ./migrate.ts on first use): the app's
// schema and migrations know nothing of them, and deleting lib/emulator leaves nothing behind in the code.
import { bigint, bigserial, boolean, index, integer, jsonb, pgSchema, text, timestamp } from "drizzle-orm/pg-core";

export const EMULATOR_DB_SCHEMA = "paymob_emulator";
// Deliberately not exported: drizzle-kit would then emit a bare CREATE SCHEMA, which fails because the migrator
// has already created this schema to hold its migrations table (db/migration-config.ts) before the first migration.
const emulatorSchema = pgSchema(EMULATOR_DB_SCHEMA);

export const EMU_SCENARIOS = ["none", "duplicate", "delayed", "out_of_order", "missing", "bad_signature"] as const;
export type EmuScenario = (typeof EMU_SCENARIOS)[number];

/** One row per created payment intention (Paymob's `pi_test_…` object and the order behind it). */
export const emuIntentions = emulatorSchema.table("intentions", {
  id: text("id").primaryKey(), // pi_test_<32 hex>
  clientSecret: text("client_secret").notNull().unique(),
  // Paymob order ids are plain integers; a distinct range from transaction ids makes mix-ups visible in tests.
  orderId: bigint("order_id", { mode: "number" })
    .notNull()
    .unique()
    .generatedAlwaysAsIdentity({ startWith: 910000001 }),
  amountCents: integer("amount_cents").notNull(),
  currency: text("currency").notNull(),
  /** The resolved integrations, in Paymob's `payment_methods` response shape. */
  paymentMethods: jsonb("payment_methods").notNull(),
  items: jsonb("items").notNull(),
  billingData: jsonb("billing_data").notNull(),
  extras: jsonb("extras").notNull(),
  cardTokens: jsonb("card_tokens").notNull(),
  specialReference: text("special_reference").unique(),
  notificationUrl: text("notification_url"),
  redirectionUrl: text("redirection_url"),
  status: text("status", { enum: ["intended", "paid"] })
    .notNull()
    .default("intended"),
  scenario: text("scenario", { enum: EMU_SCENARIOS }).notNull().default("none"),
  scenarioDelaySeconds: integer("scenario_delay_seconds"),
  /** Paymob's `created` string, kept verbatim so every response repeats the same value. */
  createdText: text("created_text").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

const EMU_TRANSACTION_KINDS = ["payment", "capture", "refund", "void"] as const;

/** Payment attempts and their capture/refund/void children. Flags mirror Paymob's TRANSACTION object. */
export const emuTransactions = emulatorSchema.table(
  "transactions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity({ startWith: 920000001 }),
    intentionId: text("intention_id")
      .notNull()
      .references(() => emuIntentions.id, { onDelete: "cascade" }),
    orderId: bigint("order_id", { mode: "number" }).notNull(),
    kind: text("kind", { enum: EMU_TRANSACTION_KINDS }).notNull(),
    parentId: bigint("parent_id", { mode: "number" }),
    integrationId: integer("integration_id").notNull(),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    success: boolean("success").notNull(),
    pending: boolean("pending").notNull(),
    is3dSecure: boolean("is_3d_secure").notNull(),
    isVoided: boolean("is_voided").notNull().default(false),
    isRefunded: boolean("is_refunded").notNull().default(false),
    refundedAmountCents: integer("refunded_amount_cents").notNull().default(0),
    /** An authorisation only (the auth-only test card): money is held until a capture child takes it. */
    isAuth: boolean("is_auth").notNull().default(false),
    /** On an authorisation: how much its capture children took (Paymob's unsigned `captured_amount`). */
    capturedAmountCents: integer("captured_amount_cents").notNull().default(0),
    errorOccured: boolean("error_occured").notNull().default(false),
    sourceType: text("source_type").notNull(), // card | wallet
    sourcePan: text("source_pan").notNull(), // last 4 of a card, the full wallet number
    sourceSubType: text("source_sub_type").notNull(), // MasterCard | Visa | wallet
    cardNum: text("card_num"), // 512345xxxxxx2346
    message: text("message").notNull(),
    txnResponseCode: text("txn_response_code").notNull(),
    acqResponseCode: text("acq_response_code").notNull(),
    apiSource: text("api_source").notNull(),
    /** Secret of the emulated 3-D Secure / wallet page URL; `awaitingChallenge` while the payer still has to pass it. */
    acsToken: text("acs_token"),
    awaitingChallenge: boolean("awaiting_challenge").notNull().default(false),
    saveCard: boolean("save_card").notNull().default(false),
    /** The exact strings emitted as created_at / updated_at: the HMAC signs them verbatim. */
    createdText: text("created_text").notNull(),
    updatedText: text("updated_text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("transactions_intention_idx").on(t.intentionId), index("transactions_order_idx").on(t.orderId)],
);

/** Saved cards (TOKEN callbacks). */
export const emuCardTokens = emulatorSchema.table("card_tokens", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity({ startWith: 930001 }),
  token: text("token").notNull().unique(),
  maskedPan: text("masked_pan").notNull(),
  cardSubtype: text("card_subtype").notNull(),
  email: text("email").notNull(),
  orderId: bigint("order_id", { mode: "number" }).notNull(),
  intentionId: text("intention_id").notNull(),
  createdText: text("created_text").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every server-to-server callback the emulator sends (or deliberately withholds). The pump delivers rows that
 * are due; `afterId` holds a row back until another one was delivered (the out-of-order scenario needs it).
 */
export const emuDeliveries = emulatorSchema.table(
  "deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    intentionId: text("intention_id"),
    transactionId: bigint("transaction_id", { mode: "number" }),
    kind: text("kind", { enum: ["TRANSACTION", "TOKEN"] }).notNull(),
    label: text("label").notNull(),
    url: text("url").notNull(), // includes ?hmac=
    body: text("body").notNull(), // the exact bytes sent
    hmac: text("hmac").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull().defaultNow(),
    afterId: bigint("after_id", { mode: "number" }),
    suppressed: boolean("suppressed").notNull().default(false), // the "missing" scenario: recorded, never sent
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(6),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    gaveUp: boolean("gave_up").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deliveries_due_idx").on(t.deliveredAt, t.dueAt)],
);

export type EmuIntention = typeof emuIntentions.$inferSelect;
export type EmuTransaction = typeof emuTransactions.$inferSelect;
export type EmuDelivery = typeof emuDeliveries.$inferSelect;
export type EmuCardToken = typeof emuCardTokens.$inferSelect;
