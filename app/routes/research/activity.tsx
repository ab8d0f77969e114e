import type { Route } from './+types/activity';
import { archiveState } from '~/web/archive.server';
import { ArchiveControls } from '~/components/archive/archive-controls';
import { ActivityFields } from '~/components/research/activity-form';
import {
  ClearancesSection,
  DecisionSection,
  PraBox,
  SessionsSection,
} from '~/components/research/activity-sections';
import { useActivityForms } from '~/components/research/use-activity-forms';
import { Alert } from '~/components/ui/alert';
import { FormErrors } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { StaleValues } from '~/components/ui/stale-values';
import { RemovalConfirmation } from '~/components/ui/removal';
import { METHOD_LABELS } from '~/domain/pra/labels';
import { PHASE_LABELS } from '~/domain/portfolio/labels';
import { can } from '~/domain/policy';
import { authorize, dispatch, found, pathParam } from '~/web/toolkit.server';
import { askFirst } from '~/web/removal.server';
import { IdParam } from '~/schemas/params';
import { ActivityEditSchema } from '~/schemas/research';
import { VersionField } from '~/schemas/common';
import {
  clearanceKeepers,
  getActivity,
  listClearances,
  parseDecision,
  portfolioPraStatus,
} from '#db/queries/research';
import { activityEdits, editActivity } from '~/commands/research';
import { activityPraView, sessionRemoval } from '~/presenters/research';
import { dbOf, requireUser, type RequestArgs } from '~/web/context.server';
import type { AuditAction } from '~/domain/audit';
import { z } from 'zod';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.activity.title ?? 'Research activity'} | Life Experience Workspace` },
];

async function load({ request, context }: RequestArgs, id: string | undefined) {
  const user = requireUser({ request, context });
  const detail = found(await getActivity(dbOf(context), pathParam(IdParam, id)));
  authorize(user, 'portfolio.read', { portfolioId: detail.activity.portfolio_id });
  return { user, ...detail };
}

const today = () => new Date().toISOString().slice(0, 10);

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, activity, sessions, clearances } = await load(
    { request, context },
    params.activityId,
  );
  const target = { portfolioId: activity.portfolio_id };
  const mayClearance = can(user, 'clearance.edit', target);
  const [status, allClearances, keepers, archive] = await Promise.all([
    portfolioPraStatus(dbOf(context), activity.portfolio_id, today()),
    listClearances(dbOf(context), activity.portfolio_id),
    mayClearance ? [] : clearanceKeepers(dbOf(context), activity.portfolio_id),
    archiveState(dbOf(context), user, 'research_activity', activity.id, activity.portfolio_id),
  ]);
  // An archived activity is read, not edited (its people still count): restore it first.
  const open = !archive.info;
  return {
    activity: { ...activity, decision: parseDecision(activity.decision) },
    sessions,
    clearances,
    ...activityPraView(activity.id, status, clearances, allClearances),
    keepers,
    may: {
      edit: open && can(user, 'research.edit', target),
      override: open && can(user, 'pra.override', target),
      clearance: mayClearance,
    },
    archive,
  };
}

const DeleteSession = z.object({ sessionId: IdParam, version: VersionField });

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, activity, sessions } = await load({ request, context }, params.activityId);
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  authorize(user, intent === 'override' ? 'pra.override' : 'research.edit', {
    portfolioId: activity.portfolio_id,
  });
  const to = `/research/${activity.id}`;
  // Removing a session asks first (a page, not a redirect), so it answers before dispatch. An
  // unknown session or a bad form goes on to the edit, which refuses it (404, 400).
  if (intent === 'delete_session') {
    const asked = DeleteSession.safeParse(Object.fromEntries(formData));
    const session = asked.success ? sessions.find((s) => s.id === asked.data.sessionId) : undefined;
    if (asked.success && session) {
      const ask = askFirst(
        formData,
        () => sessionRemoval(session),
        { fields: { intent, sessionId: session.id, version: asked.data.version }, cancelTo: to },
        { intent, result: undefined, stale: null },
      );
      if (ask) return ask;
    }
  }
  /** Applies one change to the activity as one versioned, audited edit. */
  const edit = async (
    v: { version: number; intent: AuditAction },
    change: Parameters<typeof editActivity>[2],
  ) => {
    await editActivity(
      dbOf(context),
      { id: activity.id, version: v.version, actorId: user.personId, action: v.intent },
      change,
    );
    return to;
  };
  return dispatch(formData, ActivityEditSchema, {
    update: (v) => edit(v, (trx, a) => activityEdits.update(trx, a, v)),
    add_session: (v) =>
      edit(v, (trx, a) =>
        activityEdits.addSession(trx, a, {
          heldOn: v.heldOn,
          participants: [
            ...v.publicCodes.map((code) => ({ code, category: 'public' as const })),
            ...v.federalCodes.map((code) => ({ code, category: 'federal_employee' as const })),
            ...v.contractorCodes.map((code) => ({ code, category: 'contractor' as const })),
          ],
          actorId: user.personId,
        }),
      ),
    delete_session: (v) => edit(v, (trx, a) => activityEdits.deleteSession(trx, a, v.sessionId)),
    link_clearance: (v) => edit(v, (trx, a) => activityEdits.linkClearance(trx, a, v.clearanceId)),
    decision: (v) =>
      edit(v, (trx, a) =>
        activityEdits.decision(trx, a, v, {
          personId: user.personId,
          name: user.name,
          on: today(),
        }),
      ),
    override: (v) => edit(v, (trx, a) => activityEdits.override(trx, a, v.reason, user.personId)),
  });
}

export default function Activity({ loaderData, actionData }: Route.ComponentProps) {
  const { activity: a, sessions, report, grouped, may, archive } = loaderData;
  const version = actionData?.stale?.version ?? a.version;
  const forms = useActivityForms(a, actionData);
  const [activityForm, activityFields] = forms.activity;
  if (actionData && 'removal' in actionData)
    return <RemovalConfirmation prompt={actionData.removal} />;
  const otherErrors =
    actionData?.intent === 'delete_session' ? actionData.result?.error?.[''] : null;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${a.portfolio_slug}`, label: a.portfolio_name },
          { to: `/projects/${a.project_id}`, label: a.project_name },
          { to: `/projects/${a.project_id}/research`, label: 'Research log' },
          { label: a.title },
        ]}
      />
      {/* A refused form's summary sits at the top of the page (issue 16, point 10). */}
      <FormErrors form={activityForm} />
      <FormErrors form={forms.session[0]} />
      <FormErrors form={forms.link[0]} />
      <FormErrors form={forms.decision[0]} />
      <FormErrors form={forms.override[0]} />
      <h1 className="margin-bottom-1">{a.title}</h1>
      <p className="margin-top-0">
        {METHOD_LABELS[a.method]}
        {a.unscripted ? ', unscripted' : ''} · {PHASE_LABELS[a.phase]} · Purpose: {a.purpose}
      </p>
      <ArchiveControls kind="research_activity" id={a.id} version={a.version} state={archive} />
      {actionData?.stale ? (
        <StaleValues
          current={actionData.stale.current}
          labels={{ title: 'Title', updated_at: 'Last saved' }}
        />
      ) : null}
      {otherErrors?.length ? (
        <Alert type="error" heading="Not saved">
          {otherErrors.join(' ')}
        </Alert>
      ) : null}

      <PraBox report={report} grouped={grouped} a={a} />
      <SessionsSection sessions={sessions} may={may} version={version} forms={forms} />
      <ClearancesSection
        a={a}
        clearances={loaderData.clearances}
        otherClearances={loaderData.otherClearances}
        keepers={loaderData.keepers}
        may={may}
        version={version}
        forms={forms}
      />
      <DecisionSection a={a} may={may} version={version} forms={forms} />

      {may.edit ? (
        <section aria-labelledby="edit-activity">
          <h2 id="edit-activity">Edit this activity</h2>
          <ActivityFields
            key={activityForm.id}
            form={activityForm}
            fields={activityFields}
            hidden={{ intent: 'update', version }}
            submitLabel="Save activity"
          />
        </section>
      ) : null}
    </>
  );
}
