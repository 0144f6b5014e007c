import { notFound } from "next/navigation";

// Any path no page matches, in either language, lands here (next-intl's recommended catch-all), so the 404 is
// rendered by app/[locale]/not-found.tsx inside the localized layout: header, footer and <html lang dir>.
export default function UnknownPage() {
  notFound();
}
