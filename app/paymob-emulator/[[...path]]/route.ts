import { after } from "next/server";
import { handleEmulatorRequest } from "@/lib/emulator";
import { EMULATOR_MOUNT } from "@/lib/paymob/emulator-credentials";
import { emulatorRefusal } from "@/lib/paymob/emulator-guard";

// The built-in Paymob emulator, mounted at /paymob-emulator (Paymob's own paths below it). It answers 404 as
// soon as PAYMOB_SECRET_KEY is configured, and on a public store that has not declared itself a demo
// (emulator-guard.ts): the server refuses to start there, and this stays shut even if it were started anyway.
// Callbacks are sent after the response via after() (waitUntil).

function handle(request: Request): Promise<Response> {
  if (emulatorRefusal(process.env))
    return Promise.resolve(new Response("Not Found", { status: 404, headers: { "content-type": "text/plain" } }));
  return handleEmulatorRequest(request, { basePath: EMULATOR_MOUNT, waitUntil: (promise) => after(promise) });
}

export {
  handle as GET,
  handle as POST,
  handle as PUT,
  handle as DELETE,
  handle as PATCH,
  handle as OPTIONS,
  handle as HEAD,
};
