import type { AppLocale } from "@/lib/i18n/routing";
import type { PaymobRegion } from "@/lib/paymob/regions";
import { button, emailDocument, paragraph } from "./email-html";
import { emailWriter, ltr } from "./email-translator";

export type SignInEmail = { subject: string; text: string; html: string };

/** The sign-in link email in one language. `url` is the confirmation page's link (lib/auth/magic-link.ts). */
export function signInEmail(options: {
  to: string;
  url: string;
  locale: AppLocale;
  storeName: string;
  validMinutes: number;
  /** The store's region: which digits its Arabic writes numbers in (Arabic-Indic in Egypt, Latin in the UAE). */
  region?: PaymobRegion;
}): SignInEmail {
  const w = emailWriter(options.locale, options.region);
  const store = ltr(options.storeName);
  const intro = { store, email: ltr(options.to) };
  const validity = { minutes: options.validMinutes };
  const subject = w.text("signIn.subject", { store });
  return {
    subject,
    text: [
      w.text("signIn.intro", intro),
      "",
      options.url,
      "",
      w.text("signIn.validity", validity),
      w.text("signIn.ignore"),
      "",
      w.text("signature", { store }),
    ].join("\n"),
    html: emailDocument(w, subject, [
      paragraph(w.html("signIn.intro", intro)),
      button(options.url, w.html("signIn.button")),
      paragraph(w.html("signIn.validity", validity)),
      paragraph(w.html("signIn.ignore"), "color:#57534e;font-size:14px"),
      paragraph(w.html("signature", { store })),
    ]),
  };
}
