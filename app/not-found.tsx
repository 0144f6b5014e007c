import NextError from "next/error";

// Only for a request proxy.ts did not route to a locale (it routes every page path, so in practice a path it
// excludes, such as a missing static file). Pages of either language answer with app/[locale]/not-found.tsx.
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body>
        <NextError statusCode={404} />
      </body>
    </html>
  );
}
