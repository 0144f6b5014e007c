CREATE TABLE "order_emails" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"event_key" text DEFAULT '' NOT NULL,
	"amount_minor" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	CONSTRAINT "order_emails_attempts_non_negative" CHECK ("order_emails"."attempts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "order_emails" ADD CONSTRAINT "order_emails_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "order_emails_event_unique" ON "order_emails" USING btree ("order_id","kind","event_key");--> statement-breakpoint
CREATE INDEX "order_emails_due_idx" ON "order_emails" USING btree ("next_attempt_at") WHERE "order_emails"."sent_at" is null;