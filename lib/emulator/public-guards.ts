import { secretKeyAuth } from "./api/intention";
import { emulatorExposure } from "./exposure";
import { json, type Handler } from "./http";
import { maskPersonalData } from "./personal-data";

// Route wrappers for a public emulator (see exposure.ts); on loopback both let everything through unchanged,
// so the local experience (and every test that drives the emulator directly) stays as it was.

/**
 * The emulator's own tools (scenario, pump, replay) ask for `Authorization: Token <secret key>` like Paymob's
 * APIs. The emulator's key is public, so this only stops drive-by use; what keeps a public demo safe is that
 * these tools reach nothing but test payments and the app's own callback URL.
 */
export function keyWhenPublic(handler: Handler): Handler {
  return (ctx, params) =>
    emulatorExposure().public ? (secretKeyAuth(ctx.request) ?? handler(ctx, params)) : handler(ctx, params);
}

/**
 * Paymob objects reached with the public keys and a guessable id (sequential transaction ids) go out with the
 * customer's personal data masked: inquiries, refunds, voids, captures.
 */
export function maskedWhenPublic(handler: Handler): Handler {
  return async (ctx, params) => {
    const response = await handler(ctx, params);
    if (!emulatorExposure().public || !response.headers.get("content-type")?.includes("application/json"))
      return response;
    const headers = Object.fromEntries(response.headers);
    return json(response.status, maskPersonalData(await response.json()), headers);
  };
}
