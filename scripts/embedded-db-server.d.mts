export type EmbeddedDbServer = { port: number; url: string; stop: () => Promise<void> };
export function startEmbeddedDbServer(options: { dataDir: string; port?: number; maxConnections?: number }): Promise<EmbeddedDbServer>;
