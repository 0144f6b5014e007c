import "server-only";
import { paymobConfig } from "@/lib/paymob/config";
import { captureTransaction, refundTransaction, voidTransaction } from "@/lib/paymob/transactions";
import type { CaptureGateway } from "./capture";
import type { AdminPaymobGateway } from "./operations";

/** The real gateway: Paymob's refund/void/capture APIs, or the built-in emulator when no Paymob keys are set. */
export function paymobGateway(): AdminPaymobGateway & CaptureGateway {
  return {
    refund: (input) => refundTransaction(paymobConfig(), input),
    void: (input) => voidTransaction(paymobConfig(), input),
    capture: (input) => captureTransaction(paymobConfig(), input),
  };
}
