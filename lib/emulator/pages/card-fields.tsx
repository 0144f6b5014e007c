import type { EmuLanguage } from "../language";
import { STRINGS } from "./strings";

type Props = {
  /** What the customer typed before an error, to fill the fields again; none in the Pixel iframe. */
  values?: Record<string, string>;
  /** The hosted page relies on the browser's own checks; the Pixel iframe's script checks the fields itself. */
  required?: boolean;
  /** Pixel can hide the name field (its `hideCardHolderName` option). */
  withName?: boolean;
  language?: EmuLanguage;
};

// Card number, expiry and CVV are read left to right in every language (dir="ltr"), as on Arabic bank pages.

/** The card number, name, expiry and CVV inputs of the hosted checkout page and of the Pixel iframe. */
export function CardFields({ values, required = false, withName = true, language = "en" }: Props) {
  const value = (name: string) => (values ? (values[name] ?? "") : undefined);
  const t = STRINGS[language];
  return (
    <>
      <label htmlFor="card_number">{t.cardNumber}</label>
      <input
        type="text"
        dir="ltr"
        id="card_number"
        name="card_number"
        inputMode="numeric"
        autoComplete="cc-number"
        required={required}
        defaultValue={value("card_number")}
        placeholder="5123 4567 8901 2346"
      />
      {withName && (
        <>
          <label htmlFor="card_name">{t.nameOnCard}</label>
          <input
            type="text"
            id="card_name"
            name="card_name"
            autoComplete="cc-name"
            required={required}
            defaultValue={value("card_name")}
          />
        </>
      )}
      <div className="row">
        <div>
          <label htmlFor="expiry">{t.expiry}</label>
          <input
            type="text"
            dir="ltr"
            id="expiry"
            name="expiry"
            inputMode="numeric"
            autoComplete="cc-exp"
            required={required}
            defaultValue={value("expiry")}
            placeholder="01/39"
          />
        </div>
        <div>
          <CvvField required={required} language={language} />
        </div>
      </div>
    </>
  );
}

/** The security code: the only field a saved card asks for (the hosted page's saved-card form). */
export function CvvField({
  id = "cvv",
  required = false,
  language = "en",
}: {
  id?: string;
  required?: boolean;
  language?: EmuLanguage;
}) {
  return (
    <>
      <label htmlFor={id}>{STRINGS[language].cvv}</label>
      <input
        type="password"
        dir="ltr"
        id={id}
        name="cvv"
        inputMode="numeric"
        autoComplete="cc-csc"
        required={required}
        maxLength={4}
      />
    </>
  );
}
