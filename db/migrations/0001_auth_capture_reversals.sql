CREATE TABLE "payment_reversals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"attempt_id" uuid NOT NULL,
	"paymob_transaction_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" text NOT NULL,
	"child_transaction_id" bigint,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "payment_reversals_amount_positive" CHECK ("payment_reversals"."amount_minor" > 0),
	CONSTRAINT "payment_reversals_released_has_reason" CHECK ("payment_reversals"."status" <> 'released' or "payment_reversals"."failure_reason" is not null),
	CONSTRAINT "payment_reversals_resolved_at" CHECK (("payment_reversals"."status" = 'pending') = ("payment_reversals"."resolved_at" is null))
);
--> statement-breakpoint
ALTER TABLE "payment_transactions" ADD COLUMN "is_capture" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "emu_transactions" ADD COLUMN "is_auth" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "emu_transactions" ADD COLUMN "captured_amount_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_reversals" ADD CONSTRAINT "payment_reversals_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_reversals" ADD CONSTRAINT "payment_reversals_attempt_id_payment_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."payment_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_reversals_txn_status_idx" ON "payment_reversals" USING btree ("paymob_transaction_id","status");--> statement-breakpoint
CREATE INDEX "payment_reversals_order_idx" ON "payment_reversals" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_reversals_child_unique" ON "payment_reversals" USING btree ("child_transaction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_reversals_one_void" ON "payment_reversals" USING btree ("paymob_transaction_id") WHERE "payment_reversals"."kind" = 'void' and "payment_reversals"."status" <> 'released';