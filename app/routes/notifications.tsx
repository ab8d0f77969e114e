import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/notifications';
import { FormErrors } from '~/components/ui/form';
import { formatDateTime } from '~/domain/history/time';
import { KIND_LABELS, type NotificationKind } from '~/domain/notifications/kinds';
import { pluralize } from '~/domain/plural';
import { can } from '~/domain/policy';
import { markAllRead, markRead } from '~/commands/notifications';
import { NotificationActionSchema, NotificationPageSchema } from '~/schemas/notifications';
import { countUnread, listNotifications } from '#db/queries/notifications';
import { dbOf, requireUser } from '~/web/context.server';
import { badRequest, dispatch } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Notifications | Life Experience Workspace' },
];

const PAGE_SIZE = 50;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const url = new URL(request.url);
  const params = NotificationPageSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!params.success) badRequest('That page of notifications does not exist.');
  const db = dbOf(context);
  const [page, unread] = await Promise.all([
    listNotifications(db, {
      personId: user.personId,
      beforeId: params.data.before,
      limit: PAGE_SIZE,
    }),
    countUnread(db, user.personId),
  ]);
  return {
    outbox: can(user, 'mail.outbox'),
    unread,
    hasMore: page.hasMore,
    older: page.rows.at(-1)?.id ?? null,
    first: params.data.before === undefined,
    rows: page.rows.map((n) => ({
      id: n.id,
      kind: KIND_LABELS[n.kind as NotificationKind] ?? n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      when: formatDateTime(n.created_at, user.timeZone),
      unread: n.read_at === null,
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  const db = dbOf(context);
  const back = new URL(request.url);
  const to = `/notifications${back.search}`;
  return dispatch(await request.formData(), NotificationActionSchema, {
    read: async ({ id }) => {
      await markRead(db, { personId: user.personId, id });
      return `${to}#notification-${id}`;
    },
    read_all: async () => {
      await markAllRead(db, { personId: user.personId });
      return to;
    },
  });
}

export default function Notifications({ loaderData, actionData }: Route.ComponentProps) {
  const { rows, unread, hasMore, older, first, outbox } = loaderData;
  return (
    <>
      <h1>Notifications</h1>
      <p className="usa-intro">
        What waits for you and what happened to your requests, newest first.{' '}
        {unread === 0 ? 'Nothing is unread.' : `${pluralize(unread, 'unread notification')}.`}
      </p>
      <FormErrors
        id="notifications-error"
        errors={actionData?.result.error?.[''] ?? null}
        heading="Not marked"
      />
      {unread > 0 ? (
        <Form method="post">
          <button
            type="submit"
            name="intent"
            value="read_all"
            className="usa-button usa-button--outline"
          >
            Mark all as read
          </button>
        </Form>
      ) : null}
      {rows.length === 0 ? (
        <p>{first ? 'You have no notifications yet.' : 'There are no older notifications.'}</p>
      ) : (
        <ul className="usa-list usa-list--unstyled notification-list">
          {rows.map((n) => (
            <li
              key={n.id}
              id={`notification-${n.id}`}
              className={`border-bottom border-base-lighter padding-y-2${n.unread ? ' border-left-05 border-left-primary padding-left-2' : ''}`}
            >
              <h2 className="font-sans-md margin-y-0">
                {n.unread ? (
                  <>
                    <span className="usa-tag">Unread</span>{' '}
                  </>
                ) : null}
                <Link to={n.link}>{n.title}</Link>
              </h2>
              <p className="margin-y-05">{n.body}</p>
              <p className="margin-y-05 text-base-dark font-sans-2xs">
                {n.kind} · {n.when}
              </p>
              {n.unread ? (
                <Form method="post">
                  <input type="hidden" name="id" value={n.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="read"
                    className="usa-button usa-button--unstyled"
                    aria-label={`Mark as read: ${n.title}`}
                  >
                    Mark as read
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/notifications/settings">Choose how each kind reaches you by email</Link>: at
        once, in a daily summary, or not at all.
      </p>
      {outbox ? (
        <p>
          As an OMB lead you also see{' '}
          <Link to="/notifications/outbox">whether the program’s notification email is sent</Link>.
        </p>
      ) : null}
      {hasMore && older !== null ? (
        <p>
          <Link to={`/notifications?before=${older}`}>Older notifications</Link>
        </p>
      ) : null}
      {!first ? (
        <p>
          <Link to="/notifications">Newest notifications</Link>
        </p>
      ) : null}
    </>
  );
}
