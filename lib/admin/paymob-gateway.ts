import "server-only";
import { paymobConfig } from "@/lib/paymob/config";
import { refundTransaction, voidTransaction } from "@/lib/paymob/transactions";
import type { AdminPaymobGateway } from "./operations";

/** The real gateway: Paymob's refund/void APIs, or the built-in emulator when no Paymob keys are set. */
export function paymobGateway(): AdminPaymobGateway {
  return {
    refund: (input) => refundTransaction(paymobConfig(), input),
    void: (input) => voidTransaction(paymobConfig(), input),
  };
}
