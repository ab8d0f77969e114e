/**
 * Express → React Router, written here rather than taken from @react-router/express for one
 * reason: the request body. That adapter streams the body into the Request lazily, so an action
 * that answers before reading it (a 404 for a record deleted meanwhile) leaves the upload unread,
 * and the connection is reset under the browser while it is still sending: it shows a network
 * error instead of the answer. Here the body is read whole first, up to a limit, so every answer
 * arrives, and an oversized upload gets a plain 413 instead of being held in memory.
 */
import type express from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createRequestHandler, type RouterContextProvider, type ServerBuild } from 'react-router';
import { MAX_UPLOAD_BYTES } from '~/schemas/survey';

/**
 * The largest body accepted. A plan may hold 2,000,000 characters of JSON, sent form-encoded: up
 * to 9 bytes a character for non-Latin text (3 UTF-8 bytes, each percent-encoded), 18 MB.
 */
export const MAX_BODY_BYTES = 24 * 1024 * 1024;

/**
 * The one page that takes larger bodies: a quarter's survey file (a million responses is about
 * 35 MB), up to its own limit plus room for the form's other fields.
 */
const LARGE_UPLOADS: { path: RegExp; bytes: number }[] = [
  { path: /^\/surveys\/\d{1,15}\/import$/, bytes: MAX_UPLOAD_BYTES + 1024 * 1024 },
];

/** The largest body accepted at `pathname`. */
export function bodyLimit(pathname: string): number {
  return LARGE_UPLOADS.find((u) => u.path.test(pathname))?.bytes ?? MAX_BODY_BYTES;
}

/**
 * Does a form body carry a NUL character? No one can type one, PostgreSQL cannot store one in a
 * text column (it refuses the whole statement), and SQLite would keep it invisibly; so a form
 * that carries one is refused whole, before any action sees it. Form-encoded bodies only: a
 * file's bytes are the upload's own to check.
 */
export function formHasNul(contentType: string | undefined, body: Buffer): boolean {
  if (!contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) return false;
  return body.includes(0) || /%00/i.test(body.toString('latin1'));
}

/** The whole body, or null when it is larger than `limit` (the rest is read and dropped). */
async function readBody(req: express.Request, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size <= limit ? Buffer.concat(chunks) : null;
}

function requestHeaders(incoming: express.Request['headers']): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
  }
  return headers;
}

export function reactRouterHandler(
  build: ServerBuild,
  loadContext: (req: express.Request, res: express.Response) => RouterContextProvider,
): express.RequestHandler {
  const handle = createRequestHandler(build, process.env.NODE_ENV);
  return async (req, res, next) => {
    try {
      let url: URL;
      try {
        url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
      } catch {
        res.status(400).type('text/plain').send('This address is not valid.');
        return;
      }
      const controller = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) controller.abort();
      });
      const init: RequestInit = {
        method: req.method,
        headers: requestHeaders(req.headers),
        signal: controller.signal,
      };
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        const limit = bodyLimit(url.pathname);
        const body = await readBody(req, limit);
        if (body === null) {
          res
            .status(413)
            .type('text/plain')
            .send(
              `This is more than the workspace accepts in one save (${Math.floor(limit / 1024 / 1024)} MB). Nothing was saved.`,
            );
          return;
        }
        if (formHasNul(req.get('content-type'), body)) {
          res
            .status(400)
            .type('text/html')
            .send(
              '<!doctype html><html lang="en"><head><title>Form not saved | Life Experience Workspace</title></head><body><main><h1>We could not save that form</h1><p>It contained a character that cannot be stored (a NUL character). Nothing was saved. Go back, remove it, and try again.</p></main></body></html>',
            );
          return;
        }
        init.body = new Uint8Array(body); // a copy typed as the fetch API wants it
      }
      const response = await handle(new Request(url, init), loadContext(req, res));
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [key, value] of response.headers) {
        if (key !== 'set-cookie') res.setHeader(key, value);
      }
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
      if (!response.body || req.method === 'HEAD') {
        res.end();
        return;
      }
      // A page is rendered whole into memory (app/entry.server.tsx): written in one piece, it
      // skips the conversion from a web stream to a Node stream. Files and exports still stream.
      if (response.headers.get('Content-Type')?.startsWith('text/html')) {
        res.end(Buffer.from(await response.arrayBuffer()));
        return;
      }
      await pipeline(Readable.fromWeb(response.body as NodeReadableStream), res);
    } catch (error) {
      if (res.headersSent) res.destroy(error as Error);
      else next(error);
    }
  };
}
