export type Cluster = {
  /** The URL of `database` on the throwaway server (default `postgres`). */
  url(database?: string): string;
  /** Creates `name` (dropping an older one), optionally as a copy of `template`; its URL. */
  createDatabase(name: string, template?: string): Promise<string>;
  stop(): void;
};
export function startCluster(options?: { quiet?: boolean }): Promise<Cluster>;
/** Creates `name` on the server `url` points at (dropping an older one); its URL. */
export function createDatabase(url: string, name: string, template?: string): Promise<string>;
