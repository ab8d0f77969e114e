import { Link } from '~/components/ui/link';
import type { Route } from './+types/assessment';
import { archiveState } from '~/web/archive.server';
import { ArchiveControls } from '~/components/archive/archive-controls';
import { requireAssessment } from '~/routes/burden/find.server';
import { AssessmentFigures } from '~/components/burden/assessment-figures';
import { AssessmentForms, useAssessmentForms } from '~/components/burden/assessment-forms';
import { Alert } from '~/components/ui/alert';
import { FormErrors } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { StaleValues } from '~/components/ui/stale-values';
import { RemovalConfirmation } from '~/components/ui/removal';
import { dollars } from '~/domain/burden/display';
import { fromScaled } from '~/domain/burden/units';
import { can } from '~/domain/policy';
import { dispatch } from '~/web/toolkit.server';
import { askFirst } from '~/web/removal.server';
import { assessmentView, segmentRemoval } from '~/presenters/burden';
import { AssessmentEditSchema, itemColumns } from '~/schemas/burden';
import { IdParam, VersionField } from '~/schemas/common';
import { assessmentEdits, copyAssessmentToBe, editAssessment } from '~/commands/burden';
import { dbOf } from '~/web/context.server';
import type { AuditAction } from '~/domain/audit';
import { z } from 'zod';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.assessment.title ?? 'Burden assessment'} | Life Experience Workspace` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, detail } = await requireAssessment(
    { request, context },
    params.assessmentId,
    'portfolio.read',
  );
  const { assessment } = detail;
  const archive = await archiveState(
    dbOf(context),
    user,
    'burden_assessment',
    assessment.id,
    assessment.portfolio_id,
  );
  return {
    ...assessmentView(detail),
    // An archived assessment is read, not edited: restore it first.
    mayEdit: !archive.info && can(user, 'burden.edit', { portfolioId: assessment.portfolio_id }),
    archive,
  };
}

const DeleteSegment = z.object({ segmentId: IdParam, version: VersionField });

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, detail } = await requireAssessment(
    { request, context },
    params.assessmentId,
    'burden.edit',
  );
  const formData = await request.formData();
  const id = detail.assessment.id;
  const to = `/burden/${id}`;
  // Removing a segment asks first (a page, not a redirect), so it answers before dispatch. An
  // unknown segment or a bad form goes on to the edit, which refuses it (404, 400).
  if (formData.get('intent') === 'delete_segment') {
    const asked = DeleteSegment.safeParse(Object.fromEntries(formData));
    const seg = asked.success
      ? detail.segments.find((s) => s.id === asked.data.segmentId)
      : undefined;
    if (asked.success && seg) {
      const ask = askFirst(
        formData,
        () =>
          segmentRemoval({
            name: seg.name,
            share: fromScaled(seg.share_bp, 2),
            overrides: seg.overrides.size,
          }),
        {
          fields: { intent: 'delete_segment', segmentId: seg.id, version: asked.data.version },
          cancelTo: to,
        },
        { intent: 'delete_segment', result: undefined, stale: null },
      );
      if (ask) return ask;
    }
  }
  /** Applies one change to the assessment as one versioned, audited edit. */
  const edit = async (
    v: { version: number; intent: AuditAction },
    change: Parameters<typeof editAssessment>[2],
  ) => {
    await editAssessment(
      dbOf(context),
      { id, version: v.version, actorId: user.personId, action: v.intent },
      change,
    );
    return to;
  };
  return dispatch(formData, AssessmentEditSchema, {
    add_item: (v) => edit(v, (trx, a) => assessmentEdits.addItem(trx, a, itemColumns(v))),
    add_segment: (v) =>
      edit(v, (trx, a) =>
        assessmentEdits.addSegment(trx, a, {
          name: v.name,
          shareBp: v.sharePercent,
          wageCents: v.wageDollars ?? null,
          timePercent: v.timePercent ?? 100,
        }),
      ),
    delete_segment: (v) => edit(v, (trx, a) => assessmentEdits.deleteSegment(trx, a, v.segmentId)),
    details: (v) =>
      edit(v, (trx, a) =>
        assessmentEdits.details(trx, a, {
          title: v.title,
          wageCents: v.wageDollars ?? null,
          wageSource: v.wageSource,
          multiplierMilli: v.multiplier ?? 1000,
        }),
      ),
    copy: async (v) =>
      `/burden/${await copyAssessmentToBe(dbOf(context), { id, actorId: user.personId, title: v.title })}`,
  });
}

export default function Assessment({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  const a = d.assessment;
  const version = actionData?.stale?.version ?? a.version;
  const forms = useAssessmentForms(d, actionData);
  if (actionData && 'removal' in actionData)
    return <RemovalConfirmation prompt={actionData.removal} />;
  const otherError =
    actionData && actionData.intent === 'delete_segment' ? actionData.result?.error?.[''] : null;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${a.portfolio_slug}`, label: a.portfolio_name },
          { to: `/portfolios/${a.portfolio_slug}/burden`, label: 'Burden' },
          { label: a.title },
        ]}
      />
      {/* A refused form's summary sits at the top of the page (issue 16, point 10). */}
      <FormErrors form={forms.item[0]} />
      <FormErrors form={forms.segment[0]} />
      <FormErrors form={forms.copy[0]} />
      <FormErrors form={forms.details[0]} />
      <h1 className="margin-bottom-1">{a.title}</h1>
      <p className="margin-top-0">
        {a.journey_map_id ? (
          <>
            Journey: <Link to={`/journeys/${a.journey_map_id}`}>{a.map_title}</Link> (
            {a.version_label === 'to_be'
              ? 'to-be'
              : a.version_label === 'as_is'
                ? 'as-is'
                : 'other version'}
            )
          </>
        ) : (
          <>Service: {a.service_name}</>
        )}
        {a.baseline_id ? (
          <>
            {' '}
            ·{' '}
            <Link to={`/burden/compare?before=${a.baseline_id}&after=${a.id}`}>
              Compare with its baseline
            </Link>
          </>
        ) : null}
      </p>
      <p className="font-body-xs">
        Wage: {dollars(BigInt(d.wage.cents), 1n)} an hour
        {d.wage.isDefault
          ? ` (workspace default: ${d.wage.defaultWage.source}, ${d.wage.defaultWage.year})`
          : a.wage_source
            ? ` (${a.wage_source})`
            : ''}
        {d.wage.multiplier !== 1000 ? `, loaded ×${fromScaled(d.wage.multiplier, 3)}` : ''}.
      </p>
      <ArchiveControls kind="burden_assessment" id={a.id} version={a.version} state={d.archive} />
      {otherError?.length ? (
        <Alert type="error" heading="Not saved">
          {otherError.join(' ')}
        </Alert>
      ) : null}
      {actionData?.stale ? (
        <StaleValues
          current={actionData.stale.current}
          labels={{ title: 'Title', updated_at: 'Last saved' }}
        />
      ) : null}

      <AssessmentFigures d={d} />
      {d.mayEdit ? <AssessmentForms d={d} version={version} forms={forms} /> : null}
    </>
  );
}
