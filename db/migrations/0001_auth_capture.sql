ALTER TABLE "payment_transactions" ADD COLUMN "is_capture" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "emu_transactions" ADD COLUMN "is_auth" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "emu_transactions" ADD COLUMN "captured_amount_cents" integer DEFAULT 0 NOT NULL;