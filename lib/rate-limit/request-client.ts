import "server-only";
import { headers } from "next/headers";
import { clientAddress } from "./client-address";

/** The current request's client address (lib/rate-limit/client-address.ts). Server actions and route handlers. */
export async function requestClientAddress(): Promise<string> {
  return clientAddress(await headers());
}
