/**
 * What every loader and action finds in React Router's context: the database handle and the
 * signed-in person, put there once per request (the handler sets the handle and the CSP nonce;
 * the root route's middleware reads the session). Routes take them from here and never open the
 * database themselves.
 */
import {
  createContext,
  redirect,
  RouterContextProvider,
  type MiddlewareFunction,
} from 'react-router';
import { getUser, type SessionUser } from '~/auth/session.server';
import type { Action } from '~/domain/policy';
import type { ServerMarkupValue } from '~/components/ui/server-markup';
import { IdParam, SlugParam } from '~/schemas/params';
import { authorize, found, pathParam } from './toolkit.server';
import { getDb, type DB } from '#db/client';
import { getPortfolioHeader } from '#db/queries/portfolios';

export const dbContext = createContext<DB>();
export const userContext = createContext<SessionUser | null>(null);
export const nonceContext = createContext<string | undefined>(undefined);
/** Markup a document request's page writes once (components/ui/server-markup.tsx); null in a
 * data request, whose markup travels in the data. */
export const keptMarkupContext = createContext<Map<string, string> | null>(null);

/** The context of one request, as the server hands it to React Router. */
export function requestContext(
  nonce: string | undefined,
  /** The request asks for a document, not for the router's data (`….data`). */
  document: boolean,
): RouterContextProvider {
  const context = new RouterContextProvider();
  context.set(dbContext, getDb());
  context.set(nonceContext, nonce);
  context.set(keptMarkupContext, document ? new Map() : null);
  return context;
}

/**
 * Markup made on the server, as a page's data carries it: by name in a document request (the
 * document writes it once, from the request's list), whole when the router fetches the data.
 */
export function serverMarkup(
  context: Readonly<RouterContextProvider>,
  html: string,
): ServerMarkupValue {
  const kept = context.get(keptMarkupContext);
  if (!kept) return { html };
  const name = `m${kept.size}`;
  kept.set(name, html);
  return { kept: name };
}

/** Root middleware: reads the session cookie once, for the whole request. */
export const sessionMiddleware: MiddlewareFunction<Response> = async ({ request, context }) => {
  context.set(userContext, await getUser(context.get(dbContext), request));
};

/** What a loader or action receives, as far as the toolkit cares. */
export interface RequestArgs {
  request: Request;
  context: Readonly<RouterContextProvider>;
}

/** The request's database handle. */
export function dbOf(context: Readonly<RouterContextProvider>): DB {
  return context.get(dbContext);
}

/** The signed-in person, or null. */
export function currentUser(context: Readonly<RouterContextProvider>): SessionUser | null {
  return context.get(userContext);
}

/** The signed-in person; anyone else is sent to /login and brought back afterwards. */
export function requireUser({ request, context }: RequestArgs): SessionUser {
  const user = currentUser(context);
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

/** The signed-in person and the database: what most loaders and actions start from. */
export interface Ctx {
  user: SessionUser;
  db: DB;
}

export function signedIn(args: RequestArgs): Ctx {
  return { user: requireUser(args), db: dbOf(args.context) };
}

/**
 * The signed-in person and the record a URL's id names, authorized for `action` on the record's
 * portfolio: the 404 page for an unknown or malformed id, the 403 page for a refusal. Each area's
 * finder (app/routes/<area>/find.server.ts) is this with its own read.
 */
export async function findAuthorized<R>(
  args: RequestArgs,
  idParam: string | undefined,
  action: Action,
  read: (db: DB, id: number) => Promise<R | undefined>,
  portfolioOf: (record: R) => number,
): Promise<{ user: SessionUser; record: R }> {
  const user = requireUser(args);
  const record = found(await read(dbOf(args.context), pathParam(IdParam, idParam)));
  authorize(user, action, { portfolioId: portfolioOf(record) });
  return { user, record };
}

/** The signed-in person and the portfolio named by the URL's slug, authorized for `action`. */
export async function findPortfolio(args: RequestArgs, slug: string | undefined, action: Action) {
  const user = requireUser(args);
  const portfolio = found(await getPortfolioHeader(dbOf(args.context), pathParam(SlugParam, slug)));
  authorize(user, action, { portfolioId: portfolio.id });
  return { user, portfolio };
}
