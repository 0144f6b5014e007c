import { describe, expect, it, vi } from "vitest";

// next/cache's updateTag works only inside a Server Action; here it is replaced to see what the app asks of it.
const updateTag = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ updateTag }));

const { invalidateCatalog } = await import("@/lib/catalog/invalidate");
const { CATALOG_TAG } = await import("@/lib/catalog/cache-tags");

describe("invalidateCatalog", () => {
  it("expires the one tag cached catalog reads carry, at once (updateTag, not a stale-while-revalidate profile)", () => {
    invalidateCatalog();
    expect(updateTag).toHaveBeenCalledExactlyOnceWith(CATALOG_TAG);
    expect(CATALOG_TAG).toBe("catalog");
  });
});
