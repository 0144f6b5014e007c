"use client";

import NextError from "next/error";

// Only for a request proxy.ts did not route to a locale (it routes every page path, so in practice a path it
// leaves alone, such as a missing file). Pages of either language answer with app/[locale]/not-found.tsx.
// A client component, as in next-intl's guide: next/error is not available to server components.
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body>
        <NextError statusCode={404} />
      </body>
    </html>
  );
}
