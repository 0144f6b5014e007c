import { Link } from "@/lib/i18n/navigation";

type Listed = { slug: string; name: string };

const STYLES = {
  large: {
    list: "flex flex-wrap gap-2",
    link: "inline-block rounded-full border border-brand-200 bg-white px-4 py-2 text-sm font-medium text-brand-900 hover:border-brand-700",
  },
  small: {
    list: "flex flex-wrap justify-center gap-2",
    link: "inline-block rounded-full border border-brand-200 px-3 py-1 font-medium text-brand-800 hover:border-brand-700",
  },
} as const;

/** The shelves as a row of pill links, in a labelled nav (the home page's hero, an empty listing's way out). */
export function CategoryLinks({
  categories,
  label,
  size,
  className,
}: {
  categories: Listed[];
  label: string;
  size: keyof typeof STYLES;
  className?: string;
}) {
  if (categories.length === 0) return null;
  return (
    <nav aria-label={label} className={className}>
      <ul className={STYLES[size].list}>
        {categories.map((category) => (
          <li key={category.slug}>
            <Link href={`/categories/${category.slug}`} className={STYLES[size].link}>
              {category.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
