import { getFormProps } from '@conform-to/react';
import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/notification-settings';
import { Alert } from '~/components/ui/alert';
import { ChoiceField, FormErrors } from '~/components/ui/form';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { KIND_GROUPS, KIND_LABELS } from '~/domain/notifications/kinds';
import { DELIVERIES, DELIVERY_LABELS, mayChoose } from '~/domain/notifications/preferences';
import { setEmailPreferences } from '~/commands/notifications';
import { EmailChoicesSchema } from '~/schemas/notifications';
import { emailPreferences, onlyPocAnywhere } from '#db/queries/notifications';
import { dbOf, requireUser } from '~/web/context.server';
import { dispatch } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Email choices | Life Experience Workspace' },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const db = dbOf(context);
  const [choices, onlyPoc] = await Promise.all([
    emailPreferences(db, user.personId),
    onlyPocAnywhere(db, user.personId),
  ]);
  return {
    email: user.email,
    choices,
    groups: KIND_GROUPS.map((g) => ({
      heading: g.heading,
      kinds: g.kinds.map((kind) => ({
        kind,
        label: KIND_LABELS[kind],
        options: DELIVERIES.filter((d) => mayChoose(kind, d, onlyPoc)).map((d) => ({
          value: d,
          label: DELIVERY_LABELS[d],
        })),
        kept: !mayChoose(kind, 'off', onlyPoc),
      })),
    })),
    saved: new URL(request.url).searchParams.get('saved') === '1',
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  const db = dbOf(context);
  return dispatch(await request.formData(), EmailChoicesSchema, {
    save: async ({ intent: _, ...choices }) => {
      await setEmailPreferences(db, { personId: user.personId, choices });
      return '/notifications/settings?saved=1';
    },
  });
}

export default function NotificationSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { email, choices, groups, saved } = loaderData;
  const [form, fields] = useSchemaForm({
    lastResult: actionData?.result,
    defaultValue: choices,
    schema: () => import('~/schemas/notifications').then((m) => m.EmailChoicesSchema),
  });
  return (
    <>
      <h1>Email choices</h1>
      {saved ? (
        <Alert type="success" slim>
          Saved. Notifications reach you by email as chosen below.
        </Alert>
      ) : null}
      <p className="usa-intro">
        Choose how each kind of notification reaches you by email at {email}: at once, gathered in
        one summary email a day, or not at all. Your{' '}
        <Link to="/notifications">notifications page</Link> lists every notification whatever you
        choose here.
      </p>
      <FormErrors form={form} />
      <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save" />
        {groups.map((g) => (
          <section key={g.heading}>
            <h2>{g.heading}</h2>
            {g.kinds.map((k) => (
              <ChoiceField
                key={k.kind}
                field={fields[k.kind]}
                legend={k.label}
                type="radio"
                options={k.options}
                hint={
                  k.kept
                    ? 'You are the only point of contact of an agency, so no one else would answer for it: these cannot be turned off.'
                    : undefined
                }
              />
            ))}
          </section>
        ))}
        <button type="submit" className="usa-button">
          Save email choices
        </button>
      </Form>
    </>
  );
}
