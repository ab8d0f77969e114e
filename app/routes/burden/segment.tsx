import { getFormProps } from '@conform-to/react';
import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/segment';
import { requireAssessment } from '~/routes/burden/find.server';
import { Alert } from '~/components/ui/alert';
import { TextField } from '~/components/ui/field';
import { FormErrors } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { StaleValues } from '~/components/ui/stale-values';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { dollars } from '~/domain/burden/display';
import { fromScaled } from '~/domain/burden/units';
import { submitEdit, found, pathParam } from '~/web/toolkit.server';
import { EditSegmentSchema } from '~/schemas/burden';
import { IdParam } from '~/schemas/params';
import { assessmentEdits, editAssessment } from '~/commands/burden';
import { dbOf, type RequestArgs } from '~/web/context.server';

export const meta: Route.MetaFunction = ({ data }) => [
  {
    title: data
      ? `Edit segment ${data.segment.name} | Life Experience Workspace`
      : 'Edit segment | Life Experience Workspace',
  },
];

/** The assessment (editable by this person) and one of its segments, from the URL. */
async function load({ request, context }: RequestArgs, params: Route.LoaderArgs['params']) {
  const { user, detail } = await requireAssessment(
    { request, context },
    params.assessmentId,
    'burden.edit',
  );
  const segmentId = pathParam(IdParam, params.segmentId);
  const segment = found(detail.segments.find((s) => s.id === segmentId));
  return { user, detail, segment };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { detail, segment: s } = await load({ request, context }, params);
  const a = detail.assessment;
  const others = detail.segments.filter((o) => o.id !== s.id);
  return {
    assessment: {
      id: a.id,
      title: a.title,
      version: a.version,
      archived: a.archived_at !== null,
      portfolio_slug: a.portfolio_slug,
      portfolio_name: a.portfolio_name,
    },
    segment: {
      id: s.id,
      name: s.name,
      share: fromScaled(s.share_bp, 2),
      timePercent: String(s.time_percent),
      wage: s.wage_cents === null ? '' : fromScaled(s.wage_cents, 2),
      wageCents: s.wage_cents,
      overrides: s.overrides.size,
    },
    // What is left for this segment: the segments do not overlap (at most 100% together).
    othersShare: fromScaled(
      others.reduce((sum, o) => sum + o.share_bp, 0),
      2,
    ),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, detail, segment } = await load({ request, context }, params);
  const id = detail.assessment.id;
  return submitEdit(
    await request.formData(),
    'update_segment',
    EditSegmentSchema,
    (v) =>
      editAssessment(
        dbOf(context),
        { id, version: v.version, actorId: user.personId, action: 'update_segment' },
        (trx, a) =>
          assessmentEdits.updateSegment(trx, a, segment.id, {
            name: v.name,
            shareBp: v.sharePercent,
            wageCents: v.wageDollars ?? null,
            timePercent: v.timePercent ?? 100,
          }),
      ),
    `/burden/${id}#segments-heading`,
  );
}

export default function EditSegment({ loaderData, actionData }: Route.ComponentProps) {
  const { assessment: a, segment: s, othersShare } = loaderData;
  const version = actionData?.stale?.version ?? a.version;
  const [form, fields] = useSchemaForm({
    id: 'segment',
    lastResult: actionData?.result,
    defaultValue: {
      name: s.name,
      sharePercent: s.share,
      timePercent: s.timePercent,
      wageDollars: s.wage,
    },
    schema: () => import('~/schemas/burden').then((m) => m.EditSegmentSchema),
  });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${a.portfolio_slug}`, label: a.portfolio_name },
          { to: `/burden/${a.id}`, label: a.title },
          { label: `Segment ${s.name}` },
        ]}
      />
      <h1>Edit segment</h1>
      {actionData?.stale ? (
        // The segment as it is saved now (the page has read it again); the form keeps the
        // person's own values, to compare and save again.
        <StaleValues
          current={{
            name: s.name,
            share: `${s.share}%`,
            timePercent: `${s.timePercent}%`,
            wage: s.wageCents === null ? '' : dollars(BigInt(s.wageCents), 1n),
          }}
          labels={{
            name: 'Segment name',
            share: 'Share of the people affected',
            timePercent: 'Time as a percentage of the base items’',
            wage: 'Hourly wage',
          }}
        />
      ) : null}
      <p>
        Changes here carry into every figure of the assessment: the time tax of the segment, the
        weighted time tax and the totals.
        {s.overrides > 0
          ? ` The segment’s own minutes on ${s.overrides === 1 ? 'one item' : `${s.overrides} items`} take precedence over the percentage; change those on the item’s page.`
          : ''}
      </p>
      {a.archived ? (
        <Alert type="info" heading="Archived">
          This assessment is archived, so its segments are not changed. Restore it first.
        </Alert>
      ) : null}
      {/* An archived assessment refuses the save too (db/versioning.ts); the form stays so the
          refusal can be read where it happens. */}
      <FormErrors form={form} />
      <Form method="post" className="usa-form" {...getFormProps(form)}>
        <input type="hidden" name="version" value={version} />
        <TextField field={fields.name} label="Segment name" />
        <TextField
          field={fields.sharePercent}
          label="Share of the people affected (percent)"
          hint={`The other segments have ${othersShare}% together; all segments can have at most 100%.`}
        />
        <TextField
          field={fields.timePercent}
          label="Their time as a percentage of the base items’ (optional)"
          hint="100 or empty: the same as everyone else. 160: 60% more time on each item, for example with an interpreter."
        />
        <TextField field={fields.wageDollars} label="Their hourly wage, if different (dollars)" />
        <ul className="usa-button-group margin-top-2">
          <li className="usa-button-group__item">
            <button type="submit" className="usa-button">
              Save segment
            </button>
          </li>
          <li className="usa-button-group__item">
            <Link to={`/burden/${a.id}`} className="usa-button usa-button--unstyled">
              Back to the assessment without saving
            </Link>
          </li>
        </ul>
      </Form>
    </>
  );
}
