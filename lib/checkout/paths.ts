/** The return page for an attempt, as Pixel's non-3-D-Secure completion and resubmissions reach it. */
export function returnPath(specialReference: string): string {
  return `/checkout/return?${new URLSearchParams({ merchant_order_id: specialReference })}`;
}

/** The embedded (Pixel) payment page of one attempt. */
export function pixelPagePath(attemptId: string): string {
  return `/checkout/pay/${attemptId}`;
}
