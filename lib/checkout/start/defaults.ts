// Kept free of imports: the checkout form (a client component) reads it, and anything heavier here (zod, the
// schema) would ship to every browser that opens the checkout.
export const DEFAULT_COUNTRY = "Egypt";
