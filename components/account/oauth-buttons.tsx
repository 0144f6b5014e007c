import { useTranslations } from "next-intl";
import { signInWithOAuth } from "@/lib/auth/actions";

export function OAuthButtons({
  providers,
  callbackUrl,
}: {
  providers: { id: string; name: string }[];
  callbackUrl: string;
}) {
  const t = useTranslations("auth.signIn");
  if (providers.length === 0) return null;
  return (
    <div className="space-y-2">
      {providers.map((provider) => (
        <form key={provider.id} action={signInWithOAuth}>
          <input type="hidden" name="provider" value={provider.id} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button
            type="submit"
            className="w-full rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-50"
          >
            {t("continueWith", { provider: provider.name })}
          </button>
        </form>
      ))}
    </div>
  );
}
