import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import type { Route } from './+types/request';
import { heldIdentity } from '~/auth/oidc.server';
import { requestAccess } from '~/commands/access';
import { Alert } from '~/components/ui/alert';
import { TextField } from '~/components/ui/field';
import { FormErrors, SelectField, TextAreaField } from '~/components/ui/form';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { formatDateTime } from '~/domain/history/time';
import { AccessRequestSchema } from '~/schemas/access';
import { accessChoices, latestAccessRequest } from '#db/queries/access';
import { currentUser, dbOf } from '~/web/context.server';
import { refusal } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Ask for access | Life Experience Workspace' },
];

const ROLE_TEXT = { lead: 'portfolio lead', member: 'team member', viewer: 'viewer' } as const;

/**
 * A person the provider vouched for who has no account: asks a portfolio's lead for access, and
 * later reads the outcome here (issue 21, point 3). Held for 30 minutes after their sign-in.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  if (currentUser(context)) throw redirect('/');
  const db = dbOf(context);
  const identity = await heldIdentity(db, request);
  if (!identity) throw redirect('/login');
  const [latest, choices] = await Promise.all([
    latestAccessRequest(db, identity.issuer, identity.subject),
    accessChoices(db),
  ]);
  return { email: identity.email, latest: latest ?? null, ...choices };
}

export async function action({ request, context }: Route.ActionArgs) {
  const db = dbOf(context);
  const identity = await heldIdentity(db, request);
  if (!identity) {
    throw data('Your sign-in has expired. Sign in again to ask for access.', { status: 403 });
  }
  const submission = parseWithZod(await request.formData(), { schema: AccessRequestSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply() }, { status: 400 });
  }
  try {
    await requestAccess(db, { identity, request: submission.value });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect('/access/request');
}

export default function RequestAccess({ loaderData, actionData }: Route.ComponentProps) {
  const { latest, email } = loaderData;
  const [form, fields] = useSchemaForm({
    lastResult: actionData?.result,
    schema: () => import('~/schemas/access').then((m) => m.AccessRequestSchema),
  });
  return (
    <div className="grid-row">
      <div className="tablet:grid-col-8">
        <h1>Ask for access</h1>
        <p className="usa-intro">
          You signed in as <strong>{email}</strong>, but no one has given you access to the
          workspace yet.
        </p>
        {latest?.status === 'waiting' ? (
          <Alert type="info" heading="Your request is waiting">
            You asked on {formatDateTime(latest.created_at)} to join {latest.portfolio_name} as a{' '}
            {ROLE_TEXT[latest.role]}. The portfolio’s lead or an OMB lead decides. Sign in again
            later to see the answer.
          </Alert>
        ) : latest?.status === 'approved' ? (
          <Alert type="success" heading="Your request was approved">
            You can now <a href="/auth/start">sign in</a> to {latest.portfolio_name}.
          </Alert>
        ) : (
          <>
            {latest?.status === 'declined' ? (
              <Alert type="warning" heading="Your last request was declined">
                Your request to join {latest.portfolio_name} was declined
                {latest.decided_at ? ` on ${formatDateTime(latest.decided_at)}` : ''}:{' '}
                {latest.note ?? 'no reason was given'}. You can ask again below.
              </Alert>
            ) : null}
            <FormErrors form={form} heading="Your request was not sent" />
            <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
              <TextField field={fields.name} label="Your name" autoComplete="name" />
              <SelectField
                field={fields.agencyId}
                label="Your agency"
                options={loaderData.agencies.map((a) => ({ value: a.id, label: a.name }))}
              />
              <SelectField
                field={fields.portfolioId}
                label="The portfolio you work on"
                options={loaderData.portfolios.map((p) => ({ value: p.id, label: p.name }))}
              />
              <SelectField
                field={fields.role}
                label="The access you need"
                options={[
                  { value: 'member', label: 'Team member: edits the portfolio’s work' },
                  { value: 'viewer', label: 'Viewer: reads it' },
                  { value: 'lead', label: 'Portfolio lead' },
                ]}
              />
              <TextAreaField
                field={fields.reason}
                label="What you need access for"
                hint="The portfolio’s lead reads this to decide. At least 10 characters."
              />
              <button type="submit" className="usa-button">
                Send the request
              </button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
