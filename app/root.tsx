import {
  data,
  isRouteErrorResponse,
  Links,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from 'react-router';
import uswdsCss from '@uswds/uswds/css/uswds.min.css?url';
import appCss from './app.css?url';
import type { Route } from './+types/root';
import { countUnread } from '#db/queries/notifications';
import { countMyPendingReviews } from '#db/queries/phases';
import type { DB } from '#db/client';
import type { SessionUser } from '#db/queries/sessions';
import { PageMeta, RouteAnnouncer } from '~/components/layout/page-focus';
import { SiteFooter, SiteHeader, SkipLink, UsaBanner } from '~/components/layout/shell';
import { useNonce } from '~/lib/nonce';
import { currentUser, dbOf, sessionMiddleware } from '~/web/context.server';
import { authConfig } from '~/auth/config.server';
import { IDLE_WARNING_MS, sessionEndsAt } from '~/domain/auth/hygiene';
import { can } from '~/domain/policy';
import { IdleWarning } from '~/components/layout/idle-warning';
import { useLinkFollowing } from '~/components/layout/link-following';

export const links: Route.LinksFunction = () => [
  { rel: 'icon', href: '/favicon.ico' },
  { rel: 'stylesheet', href: uswdsCss },
  { rel: 'stylesheet', href: appCss },
];

export const middleware: Route.MiddlewareFunction[] = [sessionMiddleware];

export async function loader({ context }: Route.LoaderArgs) {
  const user = currentUser(context);
  return data({
    user: user
      ? {
          name: user.name,
          agencyCode: user.agencyCode,
          isOmbLead: user.isOmbLead,
          isPoc: user.pocFor.length > 0,
          timeZone: user.timeZone,
          ...(await headerCounts(dbOf(context), user)),
          access:
            can(user, 'access.agency_view') ||
            [...user.memberships.values()].some((role) => role === 'lead'),
        }
      : null,
    // How long until the session ends if the person does nothing more (a duration, so the
    // browser's own clock being off does not matter): the page warns before (AC-11).
    session: user ? idleTimes(user.session) : null,
  });
}

/** The header's counts: phase requests waiting for this person, and unread notifications. */
async function headerCounts(db: DB, user: SessionUser) {
  const [reviews, unread] = await Promise.all([
    countMyPendingReviews(db, user),
    countUnread(db, user.personId),
  ]);
  return { reviews, unread };
}

function idleTimes(session: { createdAt: string; lastSeenAt: string }) {
  const { limits } = authConfig();
  const endsAt = sessionEndsAt(
    { createdAt: new Date(session.createdAt), lastSeenAt: new Date(session.lastSeenAt) },
    limits,
  );
  const now = Date.now();
  return {
    endsInMs: endsAt.getTime() - now,
    idleMs: limits.idleMs,
    absoluteEndsInMs: new Date(session.createdAt).getTime() + limits.absoluteMs - now,
    warnMs: Math.min(IDLE_WARNING_MS, limits.idleMs / 2),
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>('root');
  const nonce = useNonce();
  useLinkFollowing();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <PageMeta />
        <Links />
      </head>
      <body>
        <SkipLink />
        <UsaBanner />
        <SiteHeader user={root?.user ?? null} />
        <main id="main-content" tabIndex={-1} className="grid-container padding-bottom-6">
          {children}
        </main>
        <SiteFooter />
        {root?.session ? <IdleWarning {...root.session} /> : null}
        <RouteAnnouncer />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** The one error page: plain language for 403 and 404, never a stack trace outside development. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  let status = 500;
  let message = 'Something went wrong on our side. Your changes were not saved. Try again.';
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const fromData =
      error.data && typeof error.data === 'object' && 'message' in error.data
        ? String((error.data as { message: unknown }).message)
        : null;
    message = fromData ?? defaultMessage(status) ?? message;
  }
  const title = TITLES[status] ?? 'Something went wrong';
  const stack =
    import.meta.env.DEV && error instanceof Error && error.stack ? error.stack : undefined;
  return (
    <section className="usa-section padding-top-4" aria-labelledby="error-title">
      <title>{`${title} | Life Experience Workspace`}</title>
      <h1 id="error-title">{title}</h1>
      <p className="usa-intro">{message}</p>
      <p className="text-base">Error code: {status}</p>
      <ul className="usa-list">
        <li>
          <a href="/">Go to the portfolio dashboard</a>
        </li>
        <li>Check the address, or go back to the page you came from.</li>
      </ul>
      {stack ? (
        <pre className="font-mono-3xs overflow-x-auto bg-base-lightest padding-2">{stack}</pre>
      ) : null}
    </section>
  );
}

const TITLES: Record<number, string> = {
  400: 'We could not use that request',
  403: 'You do not have access to this',
  404: 'Page not found',
  409: 'Someone else changed this first',
};

function defaultMessage(status: number): string | undefined {
  if (status === 404)
    return 'We could not find that page. It may have moved, or the address may be wrong.';
  if (status === 403)
    return 'Your role does not allow this. Ask your portfolio lead or an OMB lead if you need access.';
  return undefined;
}
