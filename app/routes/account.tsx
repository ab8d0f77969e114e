import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import type { Route } from './+types/account';
import { Alert } from '~/components/ui/alert';
import { FormErrors, SelectField } from '~/components/ui/form';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { formatDateTime, TIME_ZONE_CHOICES, timeZoneLabel } from '~/domain/history/time';
import { AccountSettingsSchema } from '~/schemas/account';
import { setTimeZone } from '~/commands/accounts';
import { dbOf, requireUser } from '~/web/context.server';
import { authorize } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Your account | Life Experience Workspace' },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'account.edit');
  const now = new Date().toISOString();
  return {
    name: user.name,
    email: user.email,
    agencyName: user.agencyName,
    timeZone: user.timeZone,
    zoneLabel: timeZoneLabel(user.timeZone),
    // What a moment looks like in the chosen zone, so the choice can be checked at a glance.
    example: formatDateTime(now, user.timeZone),
    saved: new URL(request.url).searchParams.get('saved') === '1',
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'account.edit');
  const submission = parseWithZod(await request.formData(), { schema: AccountSettingsSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  await setTimeZone(dbOf(context), {
    personId: user.personId,
    timeZone: submission.value.timeZone,
  });
  throw redirect('/account?saved=1');
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const { name, email, agencyName, timeZone, zoneLabel, example, saved } = loaderData;
  const [form, fields] = useSchemaForm({
    lastResult: actionData?.result,
    defaultValue: { timeZone },
    schema: () => import('~/schemas/account').then((m) => m.AccountSettingsSchema),
  });
  return (
    <>
      <h1>Your account</h1>
      {saved ? (
        <Alert type="success" slim>
          Saved. Dates and times now read in {zoneLabel} time.
        </Alert>
      ) : null}
      <dl>
        <dt className="text-bold">Name</dt>
        <dd className="margin-left-0 margin-bottom-1">{name}</dd>
        <dt className="text-bold">Email</dt>
        <dd className="margin-left-0 margin-bottom-1">{email}</dd>
        <dt className="text-bold">Agency</dt>
        <dd className="margin-left-0 margin-bottom-1">{agencyName}</dd>
      </dl>
      <h2>Time zone</h2>
      <p>
        Histories, change logs, comments and the audit log show when things happened in this time
        zone, with the zone written after each time. Now: {example}. Calendar dates (due dates,
        milestones) are the same everywhere and do not change with it.
      </p>
      <FormErrors form={form} />
      <Form method="post" className="usa-form" {...getFormProps(form)}>
        <SelectField
          field={fields.timeZone}
          label="Show dates and times in"
          placeholder="- Choose a time zone -"
          options={TIME_ZONE_CHOICES.map((c) => ({ value: c.zone, label: c.label }))}
        />
        <button type="submit" className="usa-button">
          Save time zone
        </button>
      </Form>
    </>
  );
}
