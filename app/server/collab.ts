import type { IncomingMessage } from 'node:http';
import { getDb } from '#db/client';
import { registerLiveServer } from '~/collab/live.server';
import { createCollab, DEFAULT_LIMITS, type CollabLimits } from '~/collab/server';

/**
 * The co-editing socket of this server (app/collab/server.ts), on the same database, and the
 * live server the pages' restores and plain-text saves go through (app/collab/live.server.ts).
 * Origins allowed: APP_ORIGIN when set (comma-separated), else the request's own host, as for
 * every other mutation (app/server/app.ts). With REDIS_URL, its documents are live across every
 * app server on that Redis (app/collab/redis.server.ts). Connection attempts per address and
 * minute: COLLAB_CONNECTIONS_PER_MINUTE (README, Configuration).
 */
export function startCollab() {
  const db = getDb();
  const collab = createCollab({
    db,
    allowedOrigins: socketOrigins,
    redisUrl: process.env.REDIS_URL || undefined,
    limits: {
      connectionsPerMinute: connectionsPerMinute(process.env.COLLAB_CONNECTIONS_PER_MINUTE),
    },
  });
  registerLiveServer(db, collab.live);
  return {
    ...collab,
    async close() {
      registerLiveServer(db, null);
      await collab.close();
    },
  };
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

/** COLLAB_CONNECTIONS_PER_MINUTE: a whole number of attempts, or `off`; a typo stops the start. */
export function connectionsPerMinute(
  value: string | undefined,
): CollabLimits['connectionsPerMinute'] {
  const text = value?.trim() ?? '';
  if (text === '') return DEFAULT_LIMITS.connectionsPerMinute;
  if (text === 'off') return false;
  if (!/^[1-9][0-9]*$/.test(text))
    throw new Error(
      `COLLAB_CONNECTIONS_PER_MINUTE must be a whole number above 0, or off (it is "${text}").`,
    );
  return Number(text);
}
