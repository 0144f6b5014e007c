// Limits on a product's price, shared by the admin form (friendly messages) and the write (the boundary check).

/**
 * The highest price a product may be given, in minor units: EGP 1,000,000.00 (OMR 100,000.000). Well under the
 * column's int4 limit (2,147,483,647), and far above anything this shop sells, so a slip of the keyboard (an
 * extra digit or three) is refused rather than published.
 */
export const MAX_PRICE_MINOR = 100_000_000;

/** ISO 4217 codes as stored in products.currency. */
export const CURRENCY_CODE = /^[A-Z]{3}$/;
