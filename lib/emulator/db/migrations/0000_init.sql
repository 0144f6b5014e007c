CREATE TABLE "paymob_emulator"."card_tokens" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "paymob_emulator"."card_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 930001 CACHE 1),
	"token" text NOT NULL,
	"masked_pan" text NOT NULL,
	"card_subtype" text NOT NULL,
	"email" text NOT NULL,
	"order_id" bigint NOT NULL,
	"intention_id" text NOT NULL,
	"created_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "card_tokens_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "paymob_emulator"."deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"intention_id" text,
	"transaction_id" bigint,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"url" text NOT NULL,
	"body" text NOT NULL,
	"hmac" text NOT NULL,
	"due_at" timestamp with time zone DEFAULT now() NOT NULL,
	"after_id" bigint,
	"suppressed" boolean DEFAULT false NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 6 NOT NULL,
	"lease_until" timestamp with time zone,
	"last_status" integer,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"gave_up" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paymob_emulator"."intentions" (
	"id" text PRIMARY KEY NOT NULL,
	"client_secret" text NOT NULL,
	"order_id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "paymob_emulator"."intentions_order_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 910000001 CACHE 1),
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"payment_methods" jsonb NOT NULL,
	"items" jsonb NOT NULL,
	"billing_data" jsonb NOT NULL,
	"extras" jsonb NOT NULL,
	"card_tokens" jsonb NOT NULL,
	"special_reference" text,
	"notification_url" text,
	"redirection_url" text,
	"status" text DEFAULT 'intended' NOT NULL,
	"scenario" text DEFAULT 'none' NOT NULL,
	"scenario_delay_seconds" integer,
	"created_text" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intentions_client_secret_unique" UNIQUE("client_secret"),
	CONSTRAINT "intentions_order_id_unique" UNIQUE("order_id"),
	CONSTRAINT "intentions_special_reference_unique" UNIQUE("special_reference")
);
--> statement-breakpoint
CREATE TABLE "paymob_emulator"."transactions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "paymob_emulator"."transactions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 920000001 CACHE 1),
	"intention_id" text NOT NULL,
	"order_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"parent_id" bigint,
	"integration_id" integer NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"success" boolean NOT NULL,
	"pending" boolean NOT NULL,
	"is_3d_secure" boolean NOT NULL,
	"is_voided" boolean DEFAULT false NOT NULL,
	"is_refunded" boolean DEFAULT false NOT NULL,
	"refunded_amount_cents" integer DEFAULT 0 NOT NULL,
	"is_auth" boolean DEFAULT false NOT NULL,
	"captured_amount_cents" integer DEFAULT 0 NOT NULL,
	"error_occured" boolean DEFAULT false NOT NULL,
	"source_type" text NOT NULL,
	"source_pan" text NOT NULL,
	"source_sub_type" text NOT NULL,
	"card_num" text,
	"message" text NOT NULL,
	"txn_response_code" text NOT NULL,
	"acq_response_code" text NOT NULL,
	"api_source" text NOT NULL,
	"acs_token" text,
	"awaiting_challenge" boolean DEFAULT false NOT NULL,
	"save_card" boolean DEFAULT false NOT NULL,
	"created_text" text NOT NULL,
	"updated_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "paymob_emulator"."transactions" ADD CONSTRAINT "transactions_intention_id_intentions_id_fk" FOREIGN KEY ("intention_id") REFERENCES "paymob_emulator"."intentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "paymob_emulator"."deliveries" USING btree ("delivered_at","due_at");--> statement-breakpoint
CREATE INDEX "transactions_intention_idx" ON "paymob_emulator"."transactions" USING btree ("intention_id");--> statement-breakpoint
CREATE INDEX "transactions_order_idx" ON "paymob_emulator"."transactions" USING btree ("order_id");