import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { formatDate } from "@/components/account/format";
import { requireViewer } from "@/lib/auth/session";
import { removeSavedCard } from "@/lib/saved-cards/actions";
import { listSavedCards } from "@/lib/saved-cards/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.cards");
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function SavedCardsPage() {
  const viewer = await requireViewer("/account/cards");
  const cards = await listSavedCards(await getDb(), viewer.userId);
  const t = await getTranslations("account.cards");
  const locale = await getLocale();

  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
      {cards.length === 0 ? (
        <p className="mt-8 rounded-md border border-stone-200 bg-white p-6">{t("empty")}</p>
      ) : (
        <ul className="mt-6 space-y-3">
          {cards.map((card) => (
            <li
              key={card.id}
              className="flex items-center justify-between gap-4 rounded-md border border-stone-200 bg-white p-4"
              data-testid="saved-card"
            >
              <div>
                {/* Brand and mask read left to right as printed on the card, also inside Arabic text. */}
                <p className="font-medium">
                  <bdi dir="ltr">
                    {card.cardSubtype} <span className="font-mono">{card.maskedPan}</span>
                  </bdi>
                </p>
                <p className="text-sm text-stone-500">
                  {t.rich("saved", {
                    date: formatDate(card.createdAt, locale),
                    time: (chunks) => <time dateTime={card.createdAt.toISOString()}>{chunks}</time>,
                  })}
                </p>
              </div>
              <form action={removeSavedCard}>
                <input type="hidden" name="cardId" value={card.id} />
                <button
                  type="submit"
                  className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
                  aria-label={t("removeLabel", { brand: card.cardSubtype, pan: card.maskedPan })}
                >
                  {t("remove")}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
