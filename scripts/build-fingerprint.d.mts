export function staleBuildReason(state: {
  hasBuild: boolean;
  recorded?: string;
  current: string;
  newerThanBuild?: string;
}): string | undefined;
export function checkBuild(options?: { root?: string; distDir?: string; env?: Record<string, string | undefined> }): {
  reason: string | undefined;
  record: () => void;
};
