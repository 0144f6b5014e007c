CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payment_events" ADD COLUMN "body_sha256" text;--> statement-breakpoint
ALTER TABLE "payment_events" ADD COLUMN "body_bytes" integer;--> statement-breakpoint
ALTER TABLE "payment_events" ADD COLUMN "body_truncated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "rate_limits_expires_idx" ON "rate_limits" USING btree ("expires_at");