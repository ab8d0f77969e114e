/**
 * A real SMTP server for the end-to-end tests (smtp-server from npm), in its own process like
 * the OpenID provider: it accepts every message and writes it, as received, to a folder, one
 * `.eml` file each, which the tests read (tests/e2e/fixtures.ts, `inbox`). Nothing leaves the
 * machine. The process can be stopped and started again on the same port (a mail server down).
 *
 *   node scripts/smtp-sink.mjs <folder> [port]   → prints SMTP_PORT=<port>
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';

/** Serves on 127.0.0.1 (a free port when 0) and writes each message into `dir`. */
export async function startSmtpSink({ dir, port = 0 }) {
  fs.mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        count += 1;
        const name = `${Date.now()}-${process.pid}-${String(count).padStart(6, '0')}.eml`;
        // Written whole, then renamed: a reader never sees half a message.
        const tmp = path.join(dir, `.${name}`);
        fs.writeFileSync(tmp, Buffer.concat(chunks));
        fs.renameSync(tmp, path.join(dir, name));
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: server.server.address().port,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Runs the sink as a child process; `stop` ends it. */
export async function spawnSmtpSink({ dir, port = 0 }) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), dir, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const actual = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /SMTP_PORT=(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`the SMTP sink exited (${code})`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { port: actual, stop };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv[2]) {
    console.error('Usage: node scripts/smtp-sink.mjs <folder> [port]');
    process.exit(2);
  }
  const sink = await startSmtpSink({ dir: process.argv[2], port: Number(process.argv[3] ?? 0) });
  console.log(`SMTP_PORT=${sink.port}`);
  const quit = async () => {
    await sink.stop();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
