import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import type { Route } from './+types/clearance-new';
import { ClearanceFields } from '~/components/research/clearance-edit-form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { FormErrors } from '~/components/ui/form';
import { Link } from '~/components/ui/link';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { refusal } from '~/web/toolkit.server';
import { ClearanceSchema } from '~/schemas/research';
import { createClearance } from '~/commands/research';
import { dbOf, findPortfolio } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Record a clearance | PRA status | Life Experience Workspace' },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { portfolio } = await findPortfolio({ request, context }, params.slug, 'clearance.edit');
  return { portfolio };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, portfolio } = await findPortfolio(
    { request, context },
    params.slug,
    'clearance.edit',
  );
  const submission = parseWithZod(await request.formData(), { schema: ClearanceSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  try {
    await createClearance(dbOf(context), {
      portfolioId: portfolio.id,
      actorId: user.personId,
      title: submission.value.title,
      kind: submission.value.kind,
      controlNumber: submission.value.controlNumber ?? null,
      expiresOn: submission.value.expiresOn ?? null,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/portfolios/${portfolio.slug}/pra#clearances`);
}

export default function NewClearance({ loaderData, actionData }: Route.ComponentProps) {
  const { portfolio } = loaderData;
  const [form, fields] = useSchemaForm({
    lastResult: actionData?.result,
    schema: () => import('~/schemas/research').then((m) => m.ClearanceSchema),
  });
  const pra = `/portfolios/${portfolio.slug}/pra`;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { to: pra, label: 'PRA status' },
          { label: 'Record a clearance' },
        ]}
      />
      <h1>Record a clearance</h1>
      <p>
        A clearance covers the sessions of the activities attached to it, dated on or before its
        expiration date. Record it while approval is pending, and add the number and date later.
      </p>
      <FormErrors form={form} />
      <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
        <ClearanceFields
          fields={fields}
          titleHint="For example: A-11 Section 280 umbrella clearance"
        />
        <button type="submit" className="usa-button">
          Record clearance
        </button>
        <Link to={pra} className="usa-button usa-button--unstyled margin-left-2">
          Cancel
        </Link>
      </Form>
    </>
  );
}
