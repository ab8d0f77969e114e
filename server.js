// Runs the workspace: `node server.js [serve|migrate|seed|create-admin|check-schema|mail-digest|reindex|document]
// [--dev]`,
// copies a SQLite workspace into PostgreSQL: `node server.js copy <sqlite file> <postgres url>`,
// or backs one up and restores it: `node server.js backup <file>`, `node server.js restore <file>`.
// Plain JavaScript so Node 20 runs it directly; everything else is TypeScript in the build.
import compression from 'compression';
import express from 'express';
import fs from 'node:fs';
import { parseArgs } from 'node:util';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dev: { type: 'boolean', default: false },
    email: { type: 'string' },
    name: { type: 'string' },
    agency: { type: 'string' },
    // create-admin: no password; the person signs in through the OpenID provider.
    provider: { type: 'boolean', default: false },
  },
});
const command = positionals[0] ?? 'serve';
const PORT = Number(process.env.PORT ?? 3000);
const HOST = process.env.HOST ?? '0.0.0.0';

let vite;
let loadServer;
if (flags.dev) {
  vite = await import('vite').then((m) => m.createServer({ server: { middlewareMode: true } }));
  loadServer = () => vite.ssrLoadModule('./app/server/index.ts');
} else {
  process.env.NODE_ENV ??= 'production';
  const build = await import('./build/server/index.js');
  loadServer = async () => build;
}

async function readPassword() {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  const readline = await import('node:readline/promises');
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Password (15+ characters): ');
  rl.close();
  return answer;
}

const server = await loadServer();
const quiet = (process.env.LOG_REQUESTS ?? 'on') === 'off';

if (command === 'migrate' || command === 'seed') {
  await server.prepareDatabase();
  await server.closeDb();
  if (vite) await vite.close();
} else if (command === 'copy') {
  const [, from, to] = positionals;
  if (!from || !to) {
    console.error('Usage: node server.js copy <sqlite file> <postgres://user@host/database>');
    process.exitCode = 2;
  } else if (!fs.existsSync(from)) {
    console.error(`No SQLite workspace at ${from}.`);
    process.exitCode = 2;
  } else {
    try {
      process.exitCode = (await server.copySqliteWorkspace(from, to)) ? 0 : 1;
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    }
  }
  if (vite) await vite.close();
} else if (command === 'backup' || command === 'restore') {
  const file = positionals[1];
  try {
    if (!file) throw new Error(`Usage: node server.js ${command} <file>`);
    if (command === 'backup') {
      const bytes = server.backupWorkspace(process.env.DATABASE_URL, file);
      console.log(`Backed up to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB, integrity ok).`);
    } else {
      const kept = server.restoreWorkspace(process.env.DATABASE_URL, file);
      console.log(
        `Restored from ${file}.${kept ? ` The replaced workspace is kept as ${kept}.` : ''}`,
      );
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
} else if (command === 'mail-digest') {
  await server.prepareDatabase();
  const made = await server.gatherDigestsNow();
  console.log(`Gathered ${made} digests; the serving workspace emails them.`);
  await server.closeDb();
  if (vite) await vite.close();
} else if (command === 'reindex') {
  await server.prepareDatabase();
  const entries = await server.reindexSearch();
  console.log(`Rebuilt the search index: ${entries.toLocaleString('en-US')} entries.`);
  await server.closeDb();
  if (vite) await vite.close();
} else if (command === 'document') {
  // A PMC update as Word or slides, made apart from the serving process (app/render/pmc/
  // document.server.ts): the update as JSON on standard input, the file on standard output.
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const file = await server.renderPmcDocument(positionals[1], input);
  process.stdout.write(file, () => process.exit(0));
} else if (command === 'check-schema') {
  const problems = await server.checkDatabaseSchema();
  for (const p of problems) console.error(p);
  console.log(
    problems.length === 0 ? 'The schema is as expected.' : `${problems.length} differences.`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
  await server.closeDb();
  if (vite) await vite.close();
} else if (command === 'create-admin') {
  try {
    // A deployment's first real account: the demo accounts (published password) go, unless
    // DEMO_ACCOUNTS=on asks to keep them.
    await server.prepareDatabase(() => {}, {
      demoAccounts: server.demoAccountsSetting() === 'on' ? undefined : false,
    });
    const id = await server.createAdminAccount({
      email: flags.email,
      name: flags.name,
      agency: flags.agency,
      password: flags.provider ? undefined : await readPassword(),
    });
    console.log(
      flags.provider
        ? `Created OMB lead ${flags.email} (person ${id}): they sign in through the provider with this email.`
        : `Created OMB lead account ${flags.email} (person ${id}).`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
  await server.closeDb();
  if (vite) await vite.close();
} else if (command === 'serve') {
  await server.prepareDatabase();
  const app = express();
  app.disable('x-powered-by');
  // Level 1: most of gzip's saving on HTML for a fraction of the CPU (measured in scripts/bench.mjs).
  app.use(compression({ level: 1 }));
  if (!quiet) {
    app.use((req, res, next) => {
      const start = process.hrtime.bigint();
      res.on('finish', () => {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        console.log(`${req.method} ${req.originalUrl} ${res.statusCode} ${ms.toFixed(1)} ms`);
      });
      next();
    });
  }
  if (vite) {
    app.use(vite.middlewares);
    app.use(async (req, res, next) => {
      try {
        const mod = await loadServer();
        return await mod.app(req, res, next);
      } catch (error) {
        if (typeof error === 'object' && error instanceof Error) vite.ssrFixStacktrace(error);
        next(error);
      }
    });
  } else {
    app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }));
    // The few top-level files (favicon and the like): only paths with an extension look on disk,
    // so a page request does not pay for a file-system check.
    const files = express.static('build/client', { maxAge: '1h' });
    app.use((req, res, next) => (/\.\w+$/.test(req.path) ? files(req, res, next) : next()));
    app.use(server.app);
  }
  const listener = app.listen(PORT, HOST, () => {
    console.log(`Life Experience Workspace on http://localhost:${PORT}`);
  });
  // Dormant accounts turned off, expired sessions removed: at start and every six hours.
  const stopHousekeeping = server.startHousekeeping();
  // Notification emails, when SMTP_URL is set: the outbox drained every MAIL_POLL_MS.
  const stopMailer = server.startMailer();
  // Live co-editing on the same origin, at /collab (docs/decisions/029-live-co-editing.md).
  const collab = server.startCollab();
  listener.on('upgrade', (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  const stop = () => {
    stopHousekeeping();
    stopMailer();
    // Open documents are stored before the database closes.
    collab
      .close()
      .catch((error) => console.error(error))
      .finally(() =>
        listener.close(() => {
          server.closeDb().finally(() => process.exit(0));
        }),
      );
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  console.error(
    `Unknown command "${command}". Use serve, migrate, seed, create-admin, check-schema, mail-digest, reindex, copy, backup or restore.`,
  );
  process.exitCode = 2;
}
