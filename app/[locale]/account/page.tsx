import { redirectInLocale } from "@/lib/i18n/redirect";

export default async function AccountPage() {
  return redirectInLocale("/account/orders");
}
