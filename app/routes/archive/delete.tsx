import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/delete';
import { listPath, loadArchivable } from '~/web/archive.server';
import { Alert } from '~/components/ui/alert';
import { FormErrors, TextAreaField } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { DELETE_REASON_MIN, KIND_NOUNS, recordPath } from '~/domain/archive';
import { refusal } from '~/web/toolkit.server';
import { DeleteSchema } from '~/schemas/archive';
import { deletionCheck } from '#db/queries/archive';
import { deletePermanently } from '~/commands/archive';
import { dbOf } from '~/web/context.server';

export const meta: Route.MetaFunction = ({ data }) => [
  {
    title: `Delete ${data?.record.title ?? 'a record'} permanently | Life Experience Workspace`,
  },
];

/** OMB leads only: what deleting would do, what refuses it, and the form with the reason. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { kind, record } = await loadArchivable({ request, context }, params, 'record.delete');
  const check = (await deletionCheck(dbOf(context), kind, record.id))!;
  return { kind, record, refusals: check.refusals };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, kind, record } = await loadArchivable(
    { request, context },
    params,
    'record.delete',
  );
  const submission = parseWithZod(await request.formData(), { schema: DeleteSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  try {
    await deletePermanently(dbOf(context), {
      kind,
      id: record.id,
      actorId: user.personId,
      reason: submission.value.reason,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`${listPath(kind, record)}?deleted=${kind}`);
}

export default function DeletePage({ loaderData, actionData }: Route.ComponentProps) {
  const { kind, record, refusals } = loaderData;
  const noun = KIND_NOUNS[kind];
  const [form, fields] = useForm<{ reason: string }>({
    id: 'delete',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${record.portfolio_slug}`, label: record.portfolio_name },
          { to: recordPath(kind, record.id), label: record.title },
          { label: 'Delete permanently' },
        ]}
      />
      <h1>
        Delete the {noun} “{record.title}” permanently
      </h1>
      {refusals.length > 0 ? (
        <Alert type="warning" heading="This cannot be deleted">
          <ul>
            {refusals.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </Alert>
      ) : (
        <>
          <p>
            Deleting removes the {noun} and everything in it for good: it cannot be restored. The
            audit log keeps its history and records who deleted it, when and why.
          </p>
          <FormErrors id={form.errorId} errors={form.errors} />
          <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
            <TextAreaField
              field={fields.reason}
              label="Why is it deleted for good?"
              hint={`At least ${DELETE_REASON_MIN} characters. The audit log keeps this reason.`}
            />
            <button type="submit" className="usa-button usa-button--secondary">
              Delete permanently
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to={recordPath(kind, record.id)}>Back to the {noun}</Link>
      </p>
    </>
  );
}
