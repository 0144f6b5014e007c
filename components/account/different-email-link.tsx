import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

/** Back to the sign-in form, at the foot of the "check your email" and "confirm sign-in" pages. */
export function DifferentEmailLink() {
  const t = useTranslations("auth");
  return (
    <p className="mt-6 text-sm">
      <Link href="/login" className="underline">
        {t("differentEmail")}
      </Link>
    </p>
  );
}
