export { applyTransaction, type ApplyResult } from "./apply-transaction";
export {
  MAX_CALLBACK_BYTES,
  processCallback,
  rejectTooLarge,
  rejectUnsupportedMediaType,
  type CallbackResult,
} from "./process-callback";
export { replayEvent, ReplayError } from "./replay";
export { isJsonContentType, readBodyWithin } from "./read-body";
