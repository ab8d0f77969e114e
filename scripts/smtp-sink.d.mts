export type SmtpSinkOptions = {
  /** The folder each received message is written to, one `.eml` file each. */
  dir: string;
  /** 0 or missing: a free port on 127.0.0.1. */
  port?: number;
  /** Hold each message this long before accepting it (a slow mail server); 0: at once. */
  holdMs?: number;
};
export type ThrowawaySmtpSink = {
  port: number;
  stop(): Promise<void>;
};
export function startSmtpSink(options: SmtpSinkOptions): Promise<ThrowawaySmtpSink>;
export function spawnSmtpSink(options: SmtpSinkOptions): Promise<ThrowawaySmtpSink>;
