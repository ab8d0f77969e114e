/**
 * The PMC update as Word or slides, made in a process of its own. The document libraries hold a
 * whole document as objects: a program of 4,000 projects took 600–850 MB to make its Word file
 * or its deck, which ran the server (its heap capped at 192 MB) out of memory and ended every
 * person's request with it (measured by scripts/bench.mjs; docs/decisions/041). Made in a child
 * process with a heap of its own, a document that does not fit fails alone, with a message, and
 * the memory goes back when the child exits.
 *
 * Under the Vite dev server and in unit tests the document is made in this process.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pmcDocx, type PmcDocxInput } from './docx.server';
import { pmcDeck } from './pptx.server';

export type PmcDocumentFormat = 'docx' | 'pptx';

/** The child's heap, in MB (DOCUMENT_HEAP_MB); the Word file of 4,000 projects needs ~500. */
const HEAP_MB = Number(process.env.DOCUMENT_HEAP_MB ?? 1536);
/** A document not made in this time is given up on. */
const TIME_LIMIT_MS = 120_000;

/** The document ran out of the memory set aside for it, or out of time. */
export class DocumentTooLarge extends Error {}

/** Makes the document in this process: the child's work, and the dev server's. */
export function renderPmcDocument(format: PmcDocumentFormat, input: PmcDocxInput): Promise<Buffer> {
  return format === 'docx' ? pmcDocx(input) : pmcDeck(input);
}

/** The update as a Word file or a deck, made in a child process (`node server.js document`). */
export function pmcDocument(format: PmcDocumentFormat, input: PmcDocxInput): Promise<Buffer> {
  if (process.env.NODE_ENV !== 'production') return renderPmcDocument(format, input);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, path.resolve('server.js'), 'document', format],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIME_LIMIT_MS);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) return resolve(Buffer.concat(out));
      const said = Buffer.concat(err).toString('utf8');
      if (timedOut || /heap out of memory/i.test(said))
        return reject(new DocumentTooLarge(timedOut ? 'time' : 'memory'));
      reject(new Error(`The document process ended with ${code}: ${said.slice(-2000)}`));
    });
    // A child that died early closes its input; the close handler above says why.
    child.stdin.on('error', () => {});
    child.stdin.end(JSON.stringify(input));
  });
}
