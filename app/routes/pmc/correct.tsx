/**
 * Starting the correction of a withdrawn PMC update (OMB leads): a new draft of the same quarter,
 * from the withdrawn update's words and choices, that says what it corrects. The command is
 * app/commands/pmc.ts, startCorrection.
 */
import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/correct';
import { Alert } from '~/components/ui/alert';
import { FormErrors, TextAreaField } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { correctionRefusal, STANDING_TEXT_MIN } from '~/domain/pmc/standing';
import { loadStanding } from '~/routes/pmc/view.server';
import { PmcCorrectionSchema } from '~/schemas/pmc';
import { startCorrection } from '~/commands/pmc';
import { dbOf } from '~/web/context.server';
import { refusal } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Correct the PMC update ${data?.update.name ?? ''} | Life Experience Workspace` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { update, lineage, standing } = await loadStanding({ request, context }, params.updateId);
  return {
    update,
    refused: correctionRefusal({
      status: update.status,
      correctedBy: lineage.correctedBy,
      standing,
    }),
    existing: lineage.correctedBy?.id ?? standing?.id ?? null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, update } = await loadStanding({ request, context }, params.updateId);
  const submission = parseWithZod(await request.formData(), { schema: PmcCorrectionSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  let id: number;
  try {
    id = await startCorrection(dbOf(context), {
      id: update.id,
      note: submission.value.note,
      actorId: user.personId,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/pmc/${id}`);
}

export default function CorrectUpdate({ loaderData, actionData }: Route.ComponentProps) {
  const { update, refused, existing } = loaderData;
  const [form, fields] = useForm<{ note: string }>({
    id: 'correct',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/pmc', label: 'PMC updates' },
          { to: `/pmc/${update.id}`, label: update.name },
          { label: 'Correct' },
        ]}
      />
      <h1>Correct the PMC update, {update.name}</h1>
      {refused ? (
        <Alert type="warning" heading="A correction cannot be started here">
          {refused}
          {existing !== null ? (
            <>
              {' '}
              <Link to={`/pmc/${existing}`}>Open that update</Link>.
            </>
          ) : null}
        </Alert>
      ) : (
        <>
          <p>
            The correction starts as a draft of the same quarter with the withdrawn update’s
            highlights, notes, left-out items and order, assembled from the workspace as it is now.
            Change what was wrong, then publish it as any update. The withdrawn update stays as it
            was published.
          </p>
          <FormErrors id={form.errorId} errors={form.errors} />
          <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
            <TextAreaField
              field={fields.note}
              label="What does the correction correct?"
              hint={`At least ${STANDING_TEXT_MIN} characters. The correction says this on its page and on its Word and slide exports.`}
            />
            <button type="submit" className="usa-button">
              Start the correction
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to={`/pmc/${update.id}`}>Back to the update</Link>
      </p>
    </>
  );
}
