export { applyTransaction, transactionFingerprint, type ApplyOptions, type ApplyOutcome, type ApplyResult, type TransactionSource } from "./apply-transaction";
export { MAX_CALLBACK_BYTES, processCallback, rejectTooLarge, rejectUnsupportedMediaType, type CallbackInput, type CallbackOutcome, type CallbackResult } from "./process-callback";
export { replayEvent, ReplayError } from "./replay";
export { isJsonContentType, readBodyWithin } from "./read-body";
