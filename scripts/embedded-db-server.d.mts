export type EmbeddedDbEvent = { type: "open" | "wait" | "close"; id: number };
export type EmbeddedDbServer = { port: number; url: string; connectionCount: () => number; stop: () => Promise<void> };
export function startEmbeddedDbServer(options: {
  dataDir: string;
  port?: number;
  maxConnections?: number;
  onEvent?: (event: EmbeddedDbEvent) => void;
}): Promise<EmbeddedDbServer>;
