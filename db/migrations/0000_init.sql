CREATE TABLE "account" (
	"userId" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"providerAccountId" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "account_provider_providerAccountId_pk" PRIMARY KEY("provider","providerAccountId")
);
--> statement-breakpoint
CREATE TABLE "session" (
	"sessionToken" text PRIMARY KEY NOT NULL,
	"userId" text NOT NULL,
	"expires" timestamp NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"email" text,
	"emailVerified" timestamp,
	"image" text,
	CONSTRAINT "user_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verificationToken" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp NOT NULL,
	CONSTRAINT "verificationToken_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"price_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"image" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_slug_unique" UNIQUE("slug"),
	CONSTRAINT "products_price_non_negative" CHECK ("products"."price_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "cart_lines" (
	"cart_id" uuid NOT NULL,
	"product_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cart_lines_cart_id_product_id_pk" PRIMARY KEY("cart_id","product_id"),
	CONSTRAINT "cart_lines_quantity_range" CHECK ("cart_lines"."quantity" between 1 and 99)
);
--> statement-breakpoint
CREATE TABLE "carts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"product_id" integer,
	"name" text NOT NULL,
	"unit_price_minor" integer NOT NULL,
	"quantity" integer NOT NULL,
	"line_total_minor" integer NOT NULL,
	CONSTRAINT "order_lines_quantity_positive" CHECK ("order_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"status" text DEFAULT 'awaiting_payment' NOT NULL,
	"total_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"refunded_minor" integer DEFAULT 0 NOT NULL,
	"checkout_key" text NOT NULL,
	"user_id" text,
	"guest_id" text,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"street" text NOT NULL,
	"building" text,
	"floor" text,
	"apartment" text,
	"city" text NOT NULL,
	"state" text,
	"country" text NOT NULL,
	"postal_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "orders_reference_unique" UNIQUE("reference"),
	CONSTRAINT "orders_checkout_key_unique" UNIQUE("checkout_key"),
	CONSTRAINT "orders_total_non_negative" CHECK ("orders"."total_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payment_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sequence" bigserial NOT NULL,
	"order_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"status" text DEFAULT 'creating' NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"special_reference" text NOT NULL,
	"intention_id" text,
	"intention_order_id" bigint,
	"client_secret" text,
	"paymob_transaction_id" bigint,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"intended_at" timestamp with time zone,
	"checkout_opened_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_attempts_sequence_unique" UNIQUE("sequence"),
	CONSTRAINT "payment_attempts_special_reference_unique" UNIQUE("special_reference"),
	CONSTRAINT "payment_attempts_intention_id_unique" UNIQUE("intention_id"),
	CONSTRAINT "payment_attempts_intention_order_id_unique" UNIQUE("intention_order_id")
);
--> statement-breakpoint
CREATE TABLE "payment_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"source" text DEFAULT 'callback' NOT NULL,
	"verification" text NOT NULL,
	"raw_body" text NOT NULL,
	"signature" text,
	"paymob_transaction_id" bigint,
	"paymob_order_id" bigint,
	"merchant_order_id" text,
	"attempt_id" uuid,
	"order_id" uuid,
	"outcome" text,
	"detail" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_transactions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"paymob_transaction_id" bigint NOT NULL,
	"fingerprint" text NOT NULL,
	"attempt_id" uuid,
	"order_id" uuid,
	"event_id" bigint,
	"success" boolean NOT NULL,
	"pending" boolean NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"is_refunded" boolean NOT NULL,
	"is_voided" boolean NOT NULL,
	"has_parent_transaction" boolean NOT NULL,
	"parent_transaction_id" bigint,
	"refunded_amount_cents" integer,
	"fact" text,
	"from_status" text,
	"to_status" text,
	"summary" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_transactions_txn_fingerprint" UNIQUE("paymob_transaction_id","fingerprint")
);
--> statement-breakpoint
CREATE TABLE "emu_card_tokens" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "emu_card_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 930001 CACHE 1),
	"token" text NOT NULL,
	"masked_pan" text NOT NULL,
	"card_subtype" text NOT NULL,
	"email" text NOT NULL,
	"order_id" bigint NOT NULL,
	"intention_id" text NOT NULL,
	"created_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emu_card_tokens_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "emu_deliveries" (
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
CREATE TABLE "emu_intentions" (
	"id" text PRIMARY KEY NOT NULL,
	"client_secret" text NOT NULL,
	"order_id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "emu_intentions_order_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 910000001 CACHE 1),
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
	CONSTRAINT "emu_intentions_client_secret_unique" UNIQUE("client_secret"),
	CONSTRAINT "emu_intentions_order_id_unique" UNIQUE("order_id"),
	CONSTRAINT "emu_intentions_special_reference_unique" UNIQUE("special_reference")
);
--> statement-breakpoint
CREATE TABLE "emu_transactions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "emu_transactions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 920000001 CACHE 1),
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
ALTER TABLE "account" ADD CONSTRAINT "account_userId_user_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_userId_user_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_cart_id_carts_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."carts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carts" ADD CONSTRAINT "carts_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_attempt_id_payment_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."payment_attempts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_transactions" ADD CONSTRAINT "payment_transactions_attempt_id_payment_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."payment_attempts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_transactions" ADD CONSTRAINT "payment_transactions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_transactions" ADD CONSTRAINT "payment_transactions_event_id_payment_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."payment_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emu_transactions" ADD CONSTRAINT "emu_transactions_intention_id_emu_intentions_id_fk" FOREIGN KEY ("intention_id") REFERENCES "public"."emu_intentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_lines_order_idx" ON "order_lines" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "orders_user_idx" ON "orders" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "orders_guest_idx" ON "orders" USING btree ("guest_id");--> statement-breakpoint
CREATE INDEX "orders_email_idx" ON "orders" USING btree ("email");--> statement-breakpoint
CREATE INDEX "orders_status_created_idx" ON "orders" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "payment_attempts_order_idx" ON "payment_attempts" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payment_events_order_idx" ON "payment_events" USING btree ("order_id","received_at");--> statement-breakpoint
CREATE INDEX "payment_events_txn_idx" ON "payment_events" USING btree ("paymob_transaction_id");--> statement-breakpoint
CREATE INDEX "payment_transactions_order_idx" ON "payment_transactions" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "emu_deliveries_due_idx" ON "emu_deliveries" USING btree ("delivered_at","due_at");--> statement-breakpoint
CREATE INDEX "emu_transactions_intention_idx" ON "emu_transactions" USING btree ("intention_id");--> statement-breakpoint
CREATE INDEX "emu_transactions_order_idx" ON "emu_transactions" USING btree ("order_id");