import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import type { Route } from './+types/settings';
import { Alert } from '~/components/ui/alert';
import { TextField } from '~/components/ui/field';
import { FormErrors, StaleValues } from '~/components/ui/form';
import { fromScaled } from '~/domain/burden/units';
import { authorize, refusal } from '~/web/toolkit.server';
import { WageSettingSchema } from '~/schemas/burden';
import { getDefaultWage } from '#db/queries/burden';
import { setDefaultWage } from '~/commands/burden';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { dbOf, requireUser } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Workspace settings | Life Experience Workspace' },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'settings.edit');
  const wage = await getDefaultWage(dbOf(context));
  const saved = new URL(request.url).searchParams.get('saved') === '1';
  return { wage, saved };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'settings.edit');
  const submission = parseWithZod(await request.formData(), { schema: WageSettingSchema });
  if (submission.status !== 'success')
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  const v = submission.value;
  try {
    await setDefaultWage(dbOf(context), {
      cents: v.wageDollars,
      source: v.source,
      year: v.year,
      version: v.version,
      actorId: user.personId,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect('/settings?saved=1');
}

export default function Settings({ loaderData, actionData }: Route.ComponentProps) {
  const { wage, saved } = loaderData;
  const [form, fields] = useSchemaForm({
    lastResult: actionData?.result,
    defaultValue: {
      wageDollars: fromScaled(wage.cents, 2),
      source: wage.source,
      year: String(wage.year),
    },
    schema: () => import('~/schemas/burden').then((m) => m.WageSettingSchema),
  });
  return (
    <>
      <h1>Workspace settings</h1>
      {saved ? (
        <Alert type="success" slim>
          Saved.
        </Alert>
      ) : null}
      <h2>Default hourly wage for burden estimates</h2>
      <p>Used by every assessment that does not set its own wage. Name the source and its year.</p>
      {actionData?.stale ? (
        <StaleValues
          current={actionData.stale.current}
          labels={{ cents: 'Wage (cents)', source: 'Source', year: 'Year' }}
        />
      ) : null}
      <FormErrors form={form} />
      <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
        <input
          type="hidden"
          name="version"
          value={actionData?.stale?.version ?? (wage.version || 1)}
        />
        <TextField field={fields.wageDollars} label="Hourly wage (dollars)" />
        <TextField field={fields.source} label="Source" />
        <TextField field={fields.year} label="Year" type="number" />
        <button type="submit" className="usa-button">
          Save
        </button>
      </Form>
    </>
  );
}
