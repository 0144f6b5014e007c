import { Link } from "@/lib/i18n/navigation";

/** Back to the sign-in form, at the foot of the "check your email" and "confirm sign-in" pages. */
export function DifferentEmailLink() {
  return (
    <p className="mt-6 text-sm">
      <Link href="/login" className="underline">
        Use a different email
      </Link>
    </p>
  );
}
