import { STORE_NAME } from "@/lib/store";

export function Footer() {
  return (
    <footer className="mt-16 border-t border-brand-200 bg-white/60">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-muted sm:flex-row sm:justify-between sm:px-6">
        <p>© {STORE_NAME} · Egyptian home goods, made by hand.</p>
        <p>A reference storefront: Next.js and Paymob. Demo products; nothing ships.</p>
      </div>
    </footer>
  );
}
