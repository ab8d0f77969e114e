import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import type { Route } from './+types/charter';
import { Alert } from '~/components/ui/alert';
import { FormErrors, TextAreaField } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { StaleValues } from '~/components/ui/stale-values';
import { formatDate } from '~/domain/portfolio/labels';
import { can } from '~/domain/policy';
import { authorize, refusal } from '~/web/toolkit.server';
import { CharterSchema } from '~/schemas/portfolio';
import { getCharter } from '#db/queries/portfolio-admin';
import { saveCharter, signCharter } from '~/commands/portfolios';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { Table } from '~/components/ui/table';
import { dbOf, findPortfolio } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [{ title: 'Charter | Life Experience Workspace' }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, portfolio } = await findPortfolio(
    { request, context },
    params.slug,
    'portfolio.read',
  );
  const charter = await getCharter(dbOf(context), portfolio.id);
  return {
    portfolio,
    charter,
    mayEdit: can(user, 'charter.edit', { portfolioId: portfolio.id }),
    maySignFor: charter.agencies
      .filter((a) => can(user, 'charter.sign', { portfolioId: portfolio.id, agencyId: a.id }))
      .map((a) => a.id),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, portfolio } = await findPortfolio(
    { request, context },
    params.slug,
    'portfolio.read',
  );
  const submission = parseWithZod(await request.formData(), { schema: CharterSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  }
  const v = submission.value;
  try {
    if (v.intent === 'save') {
      authorize(user, 'charter.edit', { portfolioId: portfolio.id });
      await saveCharter(dbOf(context), {
        portfolioId: portfolio.id,
        actorId: user.personId,
        version: v.version,
        text: v.charterText,
      });
    } else {
      authorize(user, 'charter.sign', { portfolioId: portfolio.id, agencyId: v.agencyId });
      await signCharter(dbOf(context), {
        portfolioId: portfolio.id,
        agencyId: v.agencyId,
        actorId: user.personId,
      });
    }
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/portfolios/${portfolio.slug}/charter`);
}

export default function Charter({ loaderData, actionData }: Route.ComponentProps) {
  const { portfolio, charter, mayEdit, maySignFor } = loaderData;
  const [form, fields] = useSchemaForm({
    id: 'charter',
    lastResult: actionData?.result,
    defaultValue: { charterText: charter.portfolio.charter_text },
    schema: () => import('~/schemas/portfolio').then((m) => m.CharterSchema),
    validate: 'onSubmit',
  });
  const signed = charter.agencies.filter((a) => a.signature);
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { label: 'Charter' },
        ]}
      />
      <h1>Charter: {portfolio.name}</h1>
      <p>
        The agency PMC members advise on and sign the Life Experience charter (A-11 280.16). Editing
        a signed charter means its signatures need renewal.
      </p>
      <FormErrors form={form} />
      {signed.some((a) => a.signature?.needsRenewal) ? (
        <Alert type="warning" heading="Signatures need renewal">
          The charter changed after some agencies signed it. Their PMC members need to sign the new
          text.
        </Alert>
      ) : null}
      <h2>Signatures</h2>
      <Table label="PMC member signatures">
        <caption className="usa-sr-only">PMC member signatures by agency</caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">PMC member</th>
            <th scope="col">Signature</th>
          </tr>
        </thead>
        <tbody>
          {charter.agencies.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.code}</th>
              <td>{a.pmc_name ?? 'Not assigned'}</td>
              <td>
                {a.signature
                  ? `Signed by ${a.signature.signer} on ${formatDate(a.signature.signed_at)}${a.signature.needsRenewal ? ' (needs renewal)' : ''}`
                  : 'Not signed'}
                {maySignFor.includes(a.id) &&
                (!a.signature || a.signature.needsRenewal) &&
                charter.portfolio.charter_text ? (
                  <Form method="post" className="margin-top-1">
                    <input type="hidden" name="intent" value="sign" />
                    <input type="hidden" name="agencyId" value={a.id} />
                    <button type="submit" className="usa-button usa-button--small">
                      Sign for {a.code}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>

      <h2>Charter text</h2>
      {mayEdit ? (
        <>
          {actionData?.stale ? (
            <StaleValues
              current={actionData.stale.current}
              labels={{ charter_text: 'Charter text' }}
            />
          ) : null}
          <Form
            method="post"
            className="usa-form usa-form--large maxw-full"
            {...getFormProps(form)}
          >
            <input type="hidden" name="intent" value="save" />
            <input
              type="hidden"
              name="version"
              value={actionData?.stale?.version ?? charter.portfolio.version}
            />
            <TextAreaField field={fields.charterText} label="Charter text" rows={14} />
            <button type="submit" className="usa-button">
              Save charter
            </button>
          </Form>
        </>
      ) : charter.portfolio.charter_text ? (
        <div style={{ whiteSpace: 'pre-wrap' }}>{charter.portfolio.charter_text}</div>
      ) : (
        <p>No charter text yet.</p>
      )}
    </>
  );
}
