import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

// Locale-aware wrappers: <Link href="/cart"> goes to /ar/cart on an Arabic page, usePathname() answers "/cart"
// on both, so links and active-state checks are written once, without the prefix.
export const { Link, usePathname } = createNavigation(routing);
