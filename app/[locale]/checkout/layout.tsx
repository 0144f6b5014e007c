import type { ReactNode } from "react";
import { SegmentMessages } from "@/components/i18n/segment-messages";
import { segmentMessages } from "@/lib/i18n/client-messages";

// Checkout's client components (the form, Pixel, the status poller) read the "checkout" messages; only these
// pages carry them.
export default async function CheckoutLayout({ children }: { children: ReactNode }) {
  return <SegmentMessages messages={await segmentMessages("checkout")}>{children}</SegmentMessages>;
}
