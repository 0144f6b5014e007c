// Placeholder replaced below.
export function staticAsset(_path: string, _base: string): Response | null {
  return null;
}
