import { Link } from "@/lib/i18n/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { CartLink } from "@/components/cart/cart-link";
import { SearchForm } from "@/components/catalog/search-form";
import { menuCategories } from "@/lib/catalog/cached";
import type { CatalogCategory } from "@/lib/catalog/types";
import { STORE_NAME } from "@/lib/store";
import { LanguageSwitcher } from "./language-switcher";
import { LogoMark } from "./logo-mark";
import { NavLink } from "./nav-link";
import { PhoneMenu } from "./phone-menu";
import { LineIcon } from "@/components/ui/line-icon";

/**
 * The site header. `account` is the slot for the sign-in / account menu (rendered before the cart link), so the
 * header itself never needs to know about authentication. Nothing here reads the request: the cart count and the
 * account come from the browser (components/layout/visitor.tsx), so the header is the same for every visitor. On
 * phones the search and the shelves sit behind "Menu"; from `sm` up the search is in the bar and the shelves are a
 * row of links under it.
 */
export async function Header({ account }: { account?: ReactNode }) {
  // The shelves are read per request, never by `next build`, which opens no database: the root layout no longer
  // reads the visitor's cookies, so without this the build would prerender the header, menu query and all.
  await connection();
  const [locale, t] = await Promise.all([getLocale(), getTranslations("layout")]);
  const categories = await menuCategories(locale);
  return (
    <header className="relative border-b border-brand-200 bg-white/80">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3 sm:gap-6 sm:px-6">
        <Link
          href="/"
          className="flex shrink-0 items-center gap-2 rounded-md text-lg font-bold tracking-tight whitespace-nowrap text-brand-900"
        >
          <LogoMark />
          {/* A Latin name: isolated, so an Arabic page does not move its final period to the front. */}
          <bdi dir="ltr">{STORE_NAME}</bdi>
        </Link>
        <SearchForm id="header-search" className="hidden max-w-sm flex-1 sm:flex" />
        <nav aria-label={t("mainNav")}>
          <ul className="flex items-center gap-2.5 text-sm font-medium whitespace-nowrap sm:gap-5">
            <li className="sm:hidden">
              <PhoneMenu>
                <SearchForm id="menu-search" />
                <ShelfLinks
                  categories={categories}
                  withAll
                  className="mt-4 flex flex-col text-base"
                  itemClassName="py-2.5"
                />
                <LanguageSwitcher className="mt-4 block border-t border-brand-200 py-3 text-base font-medium text-brand-900 underline-offset-4 hover:underline" />
              </PhoneMenu>
            </li>
            <li className="hidden sm:block">
              <Link href="/" className="rounded-md hover:text-brand-700 hover:underline">
                {t("shop")}
              </Link>
            </li>
            {/* On a phone the bar has no room for it beside Arabic's longer labels: it is in the menu. */}
            <li className="hidden sm:block">
              <LanguageSwitcher className="rounded-md hover:text-brand-700 hover:underline" />
            </li>
            {account ? <li>{account}</li> : null}
            <li>
              <CartLink className="inline-flex items-center gap-2 rounded-full border border-brand-200 bg-white px-3 py-1.5 hover:border-brand-700">
                <CartIcon />
                {t("cart")}
              </CartLink>
            </li>
          </ul>
        </nav>
      </div>
      {categories.length > 0 ? (
        <nav aria-label={t("categoriesNav")} className="hidden border-t border-brand-200/70 sm:block">
          <ShelfLinks
            categories={categories}
            className="mx-auto flex max-w-6xl gap-6 overflow-x-auto px-6 text-sm font-medium"
            itemClassName="py-2.5 whitespace-nowrap"
          />
        </nav>
      ) : null}
    </header>
  );
}

const shelfLink =
  "block rounded-md text-brand-900 underline-offset-4 hover:text-brand-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:underline";

function ShelfLinks({
  categories,
  className,
  itemClassName,
  withAll = false,
}: {
  categories: CatalogCategory[];
  withAll?: boolean;
  className: string;
  itemClassName: string;
}) {
  const t = useTranslations("layout");
  return (
    <ul className={className}>
      {withAll ? (
        <li>
          <NavLink href="/" className={`${shelfLink} ${itemClassName}`}>
            {t("allProducts")}
          </NavLink>
        </li>
      ) : null}
      {categories.map((category) => (
        <li key={category.slug}>
          <NavLink href={`/categories/${category.slug}`} className={`${shelfLink} ${itemClassName}`}>
            {category.name}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

function CartIcon() {
  return (
    <LineIcon>
      <path d="M6 7h12l-1 13H7L6 7z" />
      <path d="M9 7a3 3 0 0 1 6 0" />
    </LineIcon>
  );
}
