"use client";

import { useLocale } from "next-intl";
import { createContext, useContext, type ReactNode } from "react";
import type { PaymobRegion } from "@/lib/paymob/regions";
import { adminFormats, type AdminFormats } from "./formats";

// The browser does not know the store's region (PAYMOB_REGION is server-only), so the admin layout passes it down
// once and the action forms format money in the admin's language and the store's region like the pages around them.
const RegionContext = createContext<PaymobRegion>("egypt");

export function AdminRegionProvider({ region, children }: { region: PaymobRegion; children: ReactNode }) {
  return <RegionContext value={region}>{children}</RegionContext>;
}

/** Money and dates for a client component of the admin, in the page's language and the store's region. */
export function useAdminFormats(): AdminFormats {
  return adminFormats(useLocale(), useContext(RegionContext));
}
