import { Form } from 'react-router';
import type { Route } from './+types/unsubscribe';
import { Alert } from '~/components/ui/alert';
import { FormErrors } from '~/components/ui/form';
import { KIND_LABELS } from '~/domain/notifications/kinds';
import { unsubscribe } from '~/commands/notifications';
import { unsubscribeTarget } from '#db/queries/notifications';
import { UnsubscribeSchema, UnsubscribeTokenSchema } from '~/schemas/notifications';
import { dbOf } from '~/web/context.server';
import { dispatch, notFound } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Stop emails | Life Experience Workspace' },
];

/**
 * One-click unsubscribe from a notification's email (RFC 8058): the token in the link is the
 * authority, so no sign-in is asked for, and a mail program's own POST (which carries no Origin)
 * is accepted here alone (app/domain/auth/origin.ts).
 */
function tokenOf(params: { token?: string }) {
  const token = UnsubscribeTokenSchema.safeParse(params.token);
  if (!token.success) notFound('This unsubscribe link is not known.');
  return token.data;
}

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const target = await unsubscribeTarget(dbOf(context), tokenOf(params));
  if (!target) notFound('This unsubscribe link is not known.');
  return {
    digest: target.digest,
    toStop: target.toStop.map((k) => KIND_LABELS[k]),
    kept: target.kept.map((k) => KIND_LABELS[k]),
    done: new URL(request.url).searchParams.get('done') === '1',
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const token = tokenOf(params);
  const form = await request.formData();
  // RFC 8058: the mail program posts `List-Unsubscribe=One-Click`; the page posts its button.
  if (form.get('List-Unsubscribe') === 'One-Click') form.set('intent', 'unsubscribe');
  return dispatch(form, UnsubscribeSchema, {
    unsubscribe: async () => {
      await unsubscribe(dbOf(context), { token });
      return `/unsubscribe/${token}?done=1`;
    },
  });
}

export default function Unsubscribe({ loaderData, actionData }: Route.ComponentProps) {
  const { digest, toStop, kept, done } = loaderData;
  const what = digest ? 'the daily summary email' : 'emails like the one you received';
  return (
    <>
      <h1>Stop {what}</h1>
      <FormErrors
        id="unsubscribe-error"
        errors={actionData?.result.error?.[''] ?? null}
        heading="Not stopped"
      />
      {toStop.length > 0 ? (
        <>
          <p className="usa-intro">One click stops email about:</p>
          <ul className="usa-list">
            {toStop.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
          <Form method="post">
            <button type="submit" name="intent" value="unsubscribe" className="usa-button">
              Stop these emails
            </button>
          </Form>
        </>
      ) : kept.length === 0 || done ? (
        <Alert type="success" slim>
          Stopped. You no longer get {what}.
        </Alert>
      ) : null}
      {kept.length > 0 ? (
        <p>
          Still sent, because you are the only point of contact of an agency and no one else would
          answer for it: {kept.join('; ')}.
        </p>
      ) : null}
      <p>
        These notifications stay on your notifications page in the workspace. Once signed in, you
        can change every choice on your email choices page (Notifications, then Email choices).
      </p>
    </>
  );
}
