import type { CardBehaviour } from "./cards";

// What a payment ends as, in the fields the transaction row and Paymob's `data` block carry.

export type Outcome = {
  success: boolean;
  pending: boolean;
  message: string;
  txnResponseCode: string;
  acqResponseCode: string;
};
export const APPROVED: Outcome = {
  success: true,
  pending: false,
  message: "Approved",
  txnResponseCode: "APPROVED",
  acqResponseCode: "00",
};
export const DECLINED: Outcome = {
  success: false,
  pending: false,
  message: "Do not honour",
  txnResponseCode: "DECLINED",
  acqResponseCode: "05",
};
const PENDING: Outcome = {
  success: false,
  pending: true,
  message: "Pending",
  txnResponseCode: "PENDING",
  acqResponseCode: "",
};
export const AWAITING: Outcome = { ...PENDING, message: "Awaiting authentication" };

export function outcomeOf(behaviour: CardBehaviour): Outcome {
  if (behaviour.outcome === "approved") return APPROVED;
  return behaviour.outcome === "pending" ? PENDING : DECLINED;
}
