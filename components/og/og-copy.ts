import { createTranslator } from "next-intl";
import { MESSAGES } from "@/lib/i18n/messages";

/**
 * The share cards' copy, always in English: next/og draws with its bundled font, which has no Arabic glyphs (an
 * Arabic letter would make it fetch a fallback font from the network and fail offline), and it does not shape or
 * reorder right-to-left text. The Arabic copy sits beside it in the messages for the day the card gets a font.
 */
export const ogCopy = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "catalog.og" });
