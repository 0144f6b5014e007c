import { afterEach, beforeAll, vi } from "vitest";
import type { Viewer } from "@/lib/auth/session";

/**
 * A signed-in admin for one test file: ADMIN_EMAILS names them before the file's tests run, and spies a test
 * sets are restored after it.
 */
export function useTestAdmin(email = "admin@example.com"): Viewer {
  beforeAll(() => {
    vi.stubEnv("ADMIN_EMAILS", email);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return { userId: "admin-1", email, name: null, verifiedEmail: email };
}
