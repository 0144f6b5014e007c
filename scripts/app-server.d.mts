export type AppServer = {
  port: number;
  origin: string;
  instance: string;
  stop: (graceMs?: number) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};
export function freePort(): Promise<number>;
export function startAppServer(options: {
  env: NodeJS.ProcessEnv;
  port?: number;
  stdio?: "inherit" | "ignore" | "pipe";
  detached?: boolean;
  command?: (port: number) => string[];
}): Promise<AppServer>;
