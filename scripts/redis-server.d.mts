export type ThrowawayRedis = {
  /** redis://127.0.0.1:<port> */
  url: string;
  port: number;
  /** Kills the server at once (SIGKILL). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
};
export function startRedis(options?: { quiet?: boolean }): Promise<ThrowawayRedis>;
