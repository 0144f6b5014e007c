// The cache tag every cached catalog read carries (`cacheTag(CATALOG_TAG)` next to 'use cache') and every catalog
// write invalidates (lib/catalog/invalidate.ts). One constant, so the two sides cannot drift apart by a typo.
export const CATALOG_TAG = "catalog";
