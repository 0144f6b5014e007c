import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { formatDate } from "@/components/account/format";
import { requireViewer } from "@/lib/auth/session";
import { removeSavedCard } from "@/lib/saved-cards/actions";
import { listSavedCards } from "@/lib/saved-cards/queries";

export const metadata: Metadata = { title: "Saved cards", robots: { index: false } };

export default async function SavedCardsPage() {
  const viewer = await requireViewer("/account/cards");
  const cards = await listSavedCards(await getDb(), viewer.userId);

  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold">Saved cards</h1>
      <p className="mt-1 text-sm text-stone-600">
        Cards you chose to save when paying. Paymob keeps the card; we keep only its last digits and brand. Paying with
        one asks only for its security code.
      </p>
      {cards.length === 0 ? (
        <p className="mt-8 rounded-md border border-stone-200 bg-white p-6">
          No saved cards. Tick &ldquo;Save card&rdquo; when you pay to add one.
        </p>
      ) : (
        <ul className="mt-6 space-y-3">
          {cards.map((card) => (
            <li
              key={card.id}
              className="flex items-center justify-between gap-4 rounded-md border border-stone-200 bg-white p-4"
              data-testid="saved-card"
            >
              <div>
                <p className="font-medium">
                  {card.cardSubtype} <span className="font-mono">{card.maskedPan}</span>
                </p>
                <p className="text-sm text-stone-500">
                  Saved <time dateTime={card.createdAt.toISOString()}>{formatDate(card.createdAt)}</time>
                </p>
              </div>
              <form action={removeSavedCard}>
                <input type="hidden" name="cardId" value={card.id} />
                <button
                  type="submit"
                  className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
                  aria-label={`Remove ${card.cardSubtype} ${card.maskedPan}`}
                >
                  Remove
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
