import { after } from "next/server";
import { handleEmulatorRequest } from "@/lib/emulator";
import { EMULATOR_MOUNT } from "@/lib/paymob/emulator-credentials";

// The built-in Paymob emulator, mounted at /paymob-emulator (Paymob's own paths below it). It answers 404 as
// soon as PAYMOB_SECRET_KEY is configured. Callbacks are sent after the response via after() (waitUntil).

function handle(request: Request): Promise<Response> {
  return handleEmulatorRequest(request, { basePath: EMULATOR_MOUNT, waitUntil: (promise) => after(promise) });
}

export { handle as GET, handle as POST, handle as PUT, handle as DELETE, handle as PATCH, handle as OPTIONS, handle as HEAD };
