import "server-only";
import { cookies } from "next/headers";
import type { AttemptMode } from "@/db/schema/payments";
import { persistentCookie } from "@/lib/cookie-options";
import { DEFAULT_PAY_MODE, payModeSchema } from "./form";

/** Remembers the visitor's last choice between hosted checkout and the embedded Pixel. Not sensitive. */
const PAY_MODE_COOKIE = "sf_pay_mode";

export async function readPayMode(): Promise<AttemptMode> {
  const parsed = payModeSchema.safeParse((await cookies()).get(PAY_MODE_COOKIE)?.value);
  return parsed.success ? parsed.data : DEFAULT_PAY_MODE;
}

/** Server actions only. */
export async function rememberPayMode(mode: AttemptMode): Promise<void> {
  (await cookies()).set(PAY_MODE_COOKIE, mode, persistentCookie(60 * 60 * 24 * 180));
}
