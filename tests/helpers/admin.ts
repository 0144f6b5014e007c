import { afterAll, afterEach, beforeAll, vi } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { nextId } from "./orders";

/**
 * A signed-in admin for one test file: ADMIN_EMAILS names them before the file's tests run (and is unset after
 * them), and spies a test sets are restored after it.
 */
export function useTestAdmin(email = "admin@example.com"): Viewer {
  beforeAll(() => {
    vi.stubEnv("ADMIN_EMAILS", email);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });
  return { userId: "admin-1", email, name: null, verifiedEmail: email };
}

/** Someone signed in with `email`; `verifiedEmail` null when the sign-in did not prove they own it. */
export const testViewer = (email: string | null, verifiedEmail = email): Viewer => ({
  userId: `user-${nextId()}`,
  email,
  name: null,
  verifiedEmail,
});
