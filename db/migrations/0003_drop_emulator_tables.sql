DROP TABLE "emu_card_tokens" CASCADE;--> statement-breakpoint
DROP TABLE "emu_deliveries" CASCADE;--> statement-breakpoint
DROP TABLE "emu_intentions" CASCADE;--> statement-breakpoint
DROP TABLE "emu_transactions" CASCADE;