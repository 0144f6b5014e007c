/**
 * One server read of the visitor's cart item count. `id` names the read (the root layout's, once per request), so
 * a correction a page makes can say which read it corrects.
 */
export type CartCountRead = { id: string; count: number };

/** A page's own count, read after what the page shows, that replaces the layout read `layoutReadId` in the header. */
export type CartCountCorrection = { layoutReadId: string; count: number };

/**
 * The number the header shows. The root layout and the page render concurrently, so the layout's read can predate
 * what the page read (the return page reads a paid order whose callback emptied the cart just after the layout
 * counted it). A page that read the cart after its own data corrects the layout's read, and the correction lasts
 * until the layout reads again: a soft navigation keeps the root layout (and its old read), while a server action's
 * revalidation, a refresh or a full load brings a new read, which is then newer than the correction.
 */
export function shownCartCount(layout: CartCountRead, correction: CartCountCorrection | null): number {
  return correction?.layoutReadId === layout.id ? correction.count : layout.count;
}
