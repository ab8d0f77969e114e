import { getFormProps } from '@conform-to/react';
import { Form, redirect } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/overview';
import { authConfig } from '~/auth/config.server';
import { invitePerson, revokeInvitation } from '~/commands/access';
import { DecidedRequests, Invitations, WaitingRequests } from '~/components/access/access-tables';
import { Alert } from '~/components/ui/alert';
import { TextField } from '~/components/ui/field';
import { FormErrors, SelectField } from '~/components/ui/form';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { can } from '~/domain/policy';
import { AccessPageSchema } from '~/schemas/access';
import { accessChoices, accessOverview } from '#db/queries/access';
import { signedIn, type RequestArgs } from '~/web/context.server';
import { dispatch, forbidden } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Access to the workspace | Life Experience Workspace' },
];

/** The portfolios whose access this person manages (null: every portfolio, an OMB lead). */
function load(args: RequestArgs) {
  const { user, db } = signedIn(args);
  if (user.isOmbLead) return { user, db, portfolioIds: null };
  const ids = [...user.memberships].filter(([, r]) => r === 'lead').map(([id]) => id);
  if (ids.length === 0) {
    if (can(user, 'access.agency_view')) throw redirect('/access/agency');
    forbidden('Only portfolio leads and OMB leads manage access.');
  }
  return { user, db, portfolioIds: ids };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { user, db, portfolioIds } = load({ request, context });
  const [overview, choices] = await Promise.all([
    accessOverview(db, portfolioIds),
    accessChoices(db),
  ]);
  const config = authConfig();
  return {
    ...overview,
    agencies: choices.agencies,
    portfolios: choices.portfolios.filter(
      (p) => portfolioIds === null || portfolioIds.includes(p.id),
    ),
    mayInviteOmbLead: can(user, 'access.invite_omb_lead'),
    agencyView: can(user, 'access.agency_view'),
    provider: config.provider?.name ?? null,
    invitationDays: config.invitationDays,
    now: new Date().toISOString(),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user, db } = load({ request, context });
  const config = authConfig();
  return dispatch(await request.formData(), AccessPageSchema, {
    invite: async (v) => {
      await invitePerson(db, {
        actor: user,
        allowedDomains: config.allowedDomains,
        days: config.invitationDays,
        invitation: {
          email: v.email,
          name: v.name,
          agencyId: v.agencyId,
          grant:
            v.role === 'omb_lead'
              ? { kind: 'omb_lead' }
              : { kind: 'portfolio', portfolioId: v.portfolioId!, role: v.role },
        },
      });
      return '/access';
    },
    revoke: async (v) => {
      await revokeInvitation(db, { actor: user, invitationId: v.invitationId });
      return '/access';
    },
  });
}

export default function AccessOverview({ loaderData, actionData }: Route.ComponentProps) {
  const { requests, invitations } = loaderData;
  const waiting = requests.filter((r) => r.status === 'waiting');
  const decided = requests.filter((r) => r.status !== 'waiting');
  const inviteReply = actionData?.intent === 'invite' ? actionData.result : undefined;
  const [form, fields] = useSchemaForm({
    id: 'invite',
    lastResult: inviteReply,
    schema: () => import('~/schemas/access').then((m) => m.AccessPageSchema),
  });
  return (
    <>
      <h1>Access to the workspace</h1>
      <p className="usa-intro">
        Who may sign in, and to what. Invite people by their work email; decide the requests of
        people who signed in without an invitation.
      </p>
      {actionData?.intent === 'revoke' ? (
        <FormErrors id="revoke-error" errors={actionData.result.error} heading="Not revoked" />
      ) : null}
      {loaderData.provider ? null : (
        <Alert type="info" heading="No sign-in provider is configured">
          Invited people accept by signing in through the workspace’s sign-in provider (such as
          Login.gov), which this workspace does not have yet. See the operators’ guide,
          docs/operators/sign-in.md.
        </Alert>
      )}
      <h2>Quarterly access reviews</h2>
      <ul className="usa-list">
        {loaderData.portfolios.map((p) => (
          <li key={p.id}>
            <Link to={`/portfolios/${p.slug}/access-review`}>
              Review who has access to {p.name}
            </Link>
          </li>
        ))}
        {loaderData.agencyView ? (
          <li>
            <Link to="/access/agency">Who from your agency has access</Link>
          </li>
        ) : null}
      </ul>
      <h2>Requests waiting for you</h2>
      <WaitingRequests requests={waiting} />
      <h2 id="invite-heading">Invite someone</h2>
      <FormErrors form={form} heading="The invitation was not sent" />
      <Form
        method="post"
        className="usa-form usa-form--large"
        aria-labelledby="invite-heading"
        {...getFormProps(form)}
      >
        <input type="hidden" name="intent" value="invite" />
        <TextField field={fields.email} label="Work email" type="email" />
        <TextField field={fields.name} label="Name" />
        <SelectField
          field={fields.agencyId}
          label="Agency"
          options={loaderData.agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
        <SelectField
          field={fields.role}
          label="Role"
          options={[
            { value: 'member', label: 'Team member' },
            { value: 'viewer', label: 'Viewer' },
            { value: 'lead', label: 'Portfolio lead' },
            ...(loaderData.mayInviteOmbLead
              ? [{ value: 'omb_lead', label: 'OMB lead (the whole program)' }]
              : []),
          ]}
        />
        <SelectField
          field={fields.portfolioId}
          label="Portfolio"
          hint="Not needed for an OMB lead."
          options={loaderData.portfolios.map((p) => ({ value: p.id, label: p.name }))}
        />
        <p className="usa-hint">
          The invitation is good for {loaderData.invitationDays} days. The person accepts it by
          signing in with this email.
        </p>
        <button type="submit" className="usa-button">
          Send the invitation
        </button>
      </Form>
      <h2>Invitations</h2>
      <Invitations invitations={invitations} now={loaderData.now} />
      <h2>Decided requests</h2>
      <DecidedRequests requests={decided} />
    </>
  );
}
