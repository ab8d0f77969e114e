/**
 * Withdrawing a published PMC update (OMB leads): what it does, and the reason, which the update's
 * page, the list and its exports then show. The command is app/commands/pmc.ts, withdrawUpdate.
 */
import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/withdraw';
import { Alert } from '~/components/ui/alert';
import { FormErrors, TextAreaField } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { STANDING_TEXT_MIN, withdrawRefusal } from '~/domain/pmc/standing';
import { loadStanding } from '~/routes/pmc/view.server';
import { PmcWithdrawSchema } from '~/schemas/pmc';
import { withdrawUpdate } from '~/commands/pmc';
import { dbOf } from '~/web/context.server';
import { refusal } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Withdraw the PMC update ${data?.update.name ?? ''} | Life Experience Workspace` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { update } = await loadStanding({ request, context }, params.updateId);
  return { update, refused: withdrawRefusal(update.status) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, update } = await loadStanding({ request, context }, params.updateId);
  const submission = parseWithZod(await request.formData(), { schema: PmcWithdrawSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  try {
    await withdrawUpdate(dbOf(context), {
      id: update.id,
      version: submission.value.version,
      reason: submission.value.reason,
      actorId: user.personId,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/pmc/${update.id}`);
}

export default function WithdrawUpdate({ loaderData, actionData }: Route.ComponentProps) {
  const { update, refused } = loaderData;
  const [form, fields] = useForm<{ reason: string }>({
    id: 'withdraw',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/pmc', label: 'PMC updates' },
          { to: `/pmc/${update.id}`, label: update.name },
          { label: 'Withdraw' },
        ]}
      />
      <h1>Withdraw the PMC update, {update.name}</h1>
      {refused ? (
        <Alert type="warning" heading="This update cannot be withdrawn">
          {refused}
        </Alert>
      ) : (
        <>
          <p>
            Withdrawing says this update is no longer the one of record. It stays listed and
            readable at its own address, exactly as it was published, marked withdrawn with your
            reason. You can then start a correction, which says what it corrects.
          </p>
          <FormErrors id={form.errorId} errors={form.errors} />
          <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
            <input type="hidden" name="version" value={update.version} />
            <TextAreaField
              field={fields.reason}
              label="Why is it withdrawn?"
              hint={`At least ${STANDING_TEXT_MIN} characters. Everyone who opens the update, and its Word and slide exports, will read this.`}
            />
            <button type="submit" className="usa-button usa-button--secondary">
              Withdraw this update
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
