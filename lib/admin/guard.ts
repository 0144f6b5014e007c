import "server-only";
import { notFound } from "next/navigation";
import { getViewer, type Viewer } from "@/lib/auth/session";

// Who may use /admin: the people whose VERIFIED sign-in email is listed in ADMIN_EMAILS (comma-separated,
// case-insensitive). Checked on the server for every admin page, data read and action; never cached in the
// session, so removing an address from ADMIN_EMAILS revokes access on the next request.

type Env = Record<string, string | undefined>;

export type AdminViewer = Viewer & { readonly verifiedEmail: string; readonly isAdmin: true };

function adminEmails(env: Env = process.env): Set<string> {
  return new Set(
    (env.ADMIN_EMAILS ?? "")
      .split(",")
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** The pure rule: a signed-in viewer whose verified email is on the list. */
export function asAdmin(viewer: Viewer | null, env: Env = process.env): AdminViewer | null {
  const email = viewer?.verifiedEmail?.toLowerCase();
  if (!viewer || !email || !adminEmails(env).has(email)) return null;
  return { ...viewer, verifiedEmail: email, isAdmin: true };
}

/** Thrown by admin data functions and caught by admin actions; pages use requireAdmin() (a 404) instead. */
export class AdminRefusal extends Error {
  readonly code = "not_admin" as const;
  constructor() {
    super("Not allowed: this needs an administrator.");
    this.name = "AdminRefusal";
  }
}

/** For data functions and actions: the admin, or an AdminRefusal. */
export function assertAdmin(viewer: Viewer | null, env: Env = process.env): AdminViewer {
  const admin = asAdmin(viewer, env);
  if (!admin) throw new AdminRefusal();
  return admin;
}

/** For admin pages: anyone else gets the ordinary 404, so the admin area does not reveal that it exists. */
export async function requireAdmin(): Promise<AdminViewer> {
  const admin = asAdmin(await getViewer());
  if (!admin) notFound();
  return admin;
}
