/**
 * A real SMTP server for the end-to-end tests (smtp-server from npm), in its own process like
 * the OpenID provider: it accepts every message and writes it, as received, to a folder, one
 * `.eml` file each, which the tests read (tests/e2e/fixtures.ts, `inbox`). Nothing leaves the
 * machine. The process can be stopped and started again on the same port (a mail server down).
 *
 * With `holdMs`, each message is held that long after its last byte before it is accepted (a slow
 * mail server), and a `.holding` file says so meanwhile: a test can kill the sender then. A message
 * whose sender went away before it was accepted is not kept, as a mail server keeps only what it
 * answered "250" to.
 *
 *   node scripts/smtp-sink.mjs <folder> [port] [holdMs]   → prints SMTP_PORT=<port>
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';

/** Serves on 127.0.0.1 (a free port when 0) and writes each message into `dir`. */
export async function startSmtpSink({ dir, port = 0, holdMs = 0 }) {
  fs.mkdirSync(dir, { recursive: true });
  let count = 0;
  const gone = new Set();
  const holding = path.join(dir, '.holding');
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onClose(session) {
      gone.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', async () => {
        if (holdMs > 0) {
          fs.writeFileSync(holding, session.id);
          await new Promise((resolve) => setTimeout(resolve, holdMs));
          fs.rmSync(holding, { force: true });
          if (gone.has(session.id)) return;
        }
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
export async function spawnSmtpSink({ dir, port = 0, holdMs = 0 }) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(import.meta.url), dir, String(port), String(holdMs)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
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
    console.error('Usage: node scripts/smtp-sink.mjs <folder> [port] [holdMs]');
    process.exit(2);
  }
  const sink = await startSmtpSink({
    dir: process.argv[2],
    port: Number(process.argv[3] ?? 0),
    holdMs: Number(process.argv[4] ?? 0),
  });
  console.log(`SMTP_PORT=${sink.port}`);
  const quit = async () => {
    await sink.stop();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
