import type { IncomingMessage } from 'node:http';
import { getDb } from '#db/client';
import { createCollab } from '~/collab/server';

/**
 * The co-editing socket of this server (app/collab/server.ts), on the same database. Origins
 * allowed: APP_ORIGIN when set (comma-separated), else the request's own host, as for every
 * other mutation (app/server/app.ts).
 */
export function startCollab() {
  return createCollab({ db: getDb(), allowedOrigins: socketOrigins });
}

function socketOrigins(request: IncomingMessage): string[] {
  const configured = process.env.APP_ORIGIN?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (configured && configured.length > 0) return configured;
  const host = request.headers.host ?? '';
  // Behind a TLS proxy the page is https; directly, http. Either is this host.
  return [`http://${host}`, `https://${host}`];
}
