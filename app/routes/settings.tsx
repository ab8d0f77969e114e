import { getFormProps } from '@conform-to/react';
import { Form } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/settings';
import { Alert } from '~/components/ui/alert';
import { TextField } from '~/components/ui/field';
import { FormErrors } from '~/components/ui/form';
import { StaleValues } from '~/components/ui/stale-values';
import { fromScaled } from '~/domain/burden/units';
import { authorize, dispatch } from '~/web/toolkit.server';
import { WageSettingSchema } from '~/schemas/burden';
import { SurveyMinimumSchema } from '~/schemas/survey';
import { getDefaultWage } from '#db/queries/burden';
import { getSurveyMinimum } from '#db/queries/surveys';
import { setDefaultWage } from '~/commands/burden';
import { setSurveyMinimum } from '~/commands/surveys';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { dbOf, requireUser } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Workspace settings | Life Experience Workspace' },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'settings.edit');
  const [wage, minimum] = await Promise.all([
    getDefaultWage(dbOf(context)),
    getSurveyMinimum(dbOf(context)),
  ]);
  const saved = new URL(request.url).searchParams.get('saved') === '1';
  return { wage, minimum, saved };
}

const SettingsSchema = z.discriminatedUnion('intent', [
  WageSettingSchema.extend({ intent: z.literal('wage') }),
  SurveyMinimumSchema.extend({ intent: z.literal('survey_minimum') }),
]);

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'settings.edit');
  return dispatch(await request.formData(), SettingsSchema, {
    wage: async (v) => {
      await setDefaultWage(dbOf(context), {
        cents: v.wageDollars,
        source: v.source,
        year: v.year,
        version: v.version,
        actorId: user.personId,
      });
      return '/settings?saved=1';
    },
    survey_minimum: async (v) => {
      await setSurveyMinimum(dbOf(context), {
        minimum: v.minimum,
        version: v.version,
        actorId: user.personId,
      });
      return '/settings?saved=1#minimum-heading';
    },
  });
}

export default function Settings({ loaderData, actionData }: Route.ComponentProps) {
  const { wage, minimum, saved } = loaderData;
  const [form, fields] = useSchemaForm({
    id: 'wage',
    lastResult: actionData?.intent === 'wage' ? actionData.result : undefined,
    defaultValue: {
      wageDollars: fromScaled(wage.cents, 2),
      source: wage.source,
      year: String(wage.year),
    },
    schema: () => import('~/schemas/burden').then((m) => m.WageSettingSchema),
  });
  const [minForm, minFields] = useSchemaForm({
    id: 'survey-minimum',
    lastResult: actionData?.intent === 'survey_minimum' ? actionData.result : undefined,
    defaultValue: { minimum: String(minimum.minimum) },
    schema: () => import('~/schemas/survey').then((m) => m.SurveyMinimumSchema),
  });
  const stale = (intent: string) => (actionData?.intent === intent ? actionData.stale : null);
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
      {stale('wage') ? (
        <StaleValues
          current={stale('wage')!.current}
          labels={{ cents: 'Wage (cents)', source: 'Source', year: 'Year' }}
        />
      ) : null}
      <FormErrors form={form} />
      <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
        <input type="hidden" name="version" value={stale('wage')?.version ?? (wage.version || 1)} />
        <input type="hidden" name="intent" value="wage" />
        <TextField field={fields.wageDollars} label="Hourly wage (dollars)" />
        <TextField field={fields.source} label="Source" />
        <TextField field={fields.year} label="Year" type="number" />
        <button type="submit" className="usa-button">
          Save wage
        </button>
      </Form>
      <h2 id="minimum-heading">Minimum respondents for a survey percentage</h2>
      <p>
        Post-transaction survey figures (A-11 Section 280.14) show no percentage for fewer
        respondents than this: the count is shown instead, and why. It applies to trust, each driver
        (counted on the respondents shown it) and the response rate, everywhere they show.
      </p>
      {stale('survey_minimum') ? (
        <StaleValues current={stale('survey_minimum')!.current} labels={{ minimum: 'Minimum' }} />
      ) : null}
      <FormErrors form={minForm} />
      <Form method="post" className="usa-form usa-form--large" {...getFormProps(minForm)}>
        <input type="hidden" name="intent" value="survey_minimum" />
        <input
          type="hidden"
          name="version"
          value={stale('survey_minimum')?.version ?? minimum.version}
        />
        <TextField
          field={minFields.minimum}
          label="Minimum number of respondents"
          hint="30 unless you set another."
        />
        <button type="submit" className="usa-button">
          Save minimum
        </button>
      </Form>
    </>
  );
}
