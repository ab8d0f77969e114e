import { Form } from 'react-router';
import type { Route } from './+types/decide';
import { decideAccessRequest } from '~/commands/access';
import { ROLE_NAMES } from '~/components/access/access-tables';
import { Alert } from '~/components/ui/alert';
import { FormErrors } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { FieldError } from '~/components/ui/field';
import { formatDateTime } from '~/domain/history/time';
import { useTimeZone } from '~/lib/time-zone';
import { AccessDecisionSchema } from '~/schemas/access';
import { IdParam } from '~/schemas/params';
import { findAccessRequest } from '#db/queries/access';
import { signedIn, type RequestArgs } from '~/web/context.server';
import { authorize, dispatch, found, pathParam } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Access request | Life Experience Workspace' },
];

async function load(args: RequestArgs, id: string | undefined) {
  const { user, db } = signedIn(args);
  const request = found(await findAccessRequest(db, pathParam(IdParam, id)));
  authorize(user, 'access.manage', { portfolioId: request.portfolio_id });
  return { user, db, request };
}

/** One access request: who asks, for what and why; approve it, or decline it with a note. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return { request: (await load({ request, context }, params.requestId)).request };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, db, request: asked } = await load({ request, context }, params.requestId);
  return dispatch(await request.formData(), AccessDecisionSchema, {
    approve: async (v) => {
      await decideAccessRequest(db, {
        actor: user,
        requestId: asked.id,
        decision: 'approve',
        note: v.note,
      });
      return '/access';
    },
    decline: async (v) => {
      await decideAccessRequest(db, {
        actor: user,
        requestId: asked.id,
        decision: 'decline',
        note: v.note,
      });
      return '/access';
    },
  });
}

export default function DecideRequest({ loaderData, actionData }: Route.ComponentProps) {
  const r = loaderData.request;
  const zone = useTimeZone();
  const noteErrors = actionData?.result.error?.note ?? undefined;
  return (
    <>
      <Breadcrumbs items={[{ to: '/access', label: 'Access' }, { label: r.name }]} />
      <h1>Access request from {r.name}</h1>
      <dl className="usa-summary-box__text">
        <dt className="text-bold">Email (confirmed by the sign-in provider)</dt>
        <dd>{r.email}</dd>
        <dt className="text-bold">Agency</dt>
        <dd>{r.agency_name}</dd>
        <dt className="text-bold">Asks for</dt>
        <dd>
          {ROLE_NAMES[r.role]} of {r.portfolio_name}
        </dd>
        <dt className="text-bold">Reason</dt>
        <dd>{r.reason}</dd>
        <dt className="text-bold">Asked</dt>
        <dd>{formatDateTime(r.created_at, zone)}</dd>
      </dl>
      {r.status !== 'waiting' ? (
        <Alert type="info" heading={`This request was ${r.status}`}>
          {r.note ?? 'No note was given.'}
        </Alert>
      ) : (
        <>
          <FormErrors
            id="decide-error"
            errors={actionData?.result.error?.[''] ?? null}
            heading="Not decided"
          />
          <Form method="post" className="usa-form usa-form--large">
            <div className={`usa-form-group${noteErrors?.length ? ' usa-form-group--error' : ''}`}>
              <label className="usa-label" htmlFor="decision-note">
                Note to the person
              </label>
              <div className="usa-hint" id="decision-note-hint">
                Needed to decline: say why, and what they could do instead.
              </div>
              <FieldError id="decision-note-error" errors={noteErrors} />
              <textarea
                id="decision-note"
                name="note"
                className="usa-textarea"
                maxLength={1000}
                aria-describedby={`decision-note-hint${noteErrors?.length ? ' decision-note-error' : ''}`}
                defaultValue={String(actionData?.result.initialValue?.note ?? '')}
              />
            </div>
            <div className="usa-button-group">
              <button type="submit" name="intent" value="approve" className="usa-button">
                Approve: give {r.name} this access
              </button>
              <button
                type="submit"
                name="intent"
                value="decline"
                className="usa-button usa-button--secondary"
              >
                Decline
              </button>
            </div>
          </Form>
        </>
      )}
    </>
  );
}
