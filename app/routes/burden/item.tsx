import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/item';
import { ArchivedEditNotice } from '~/components/archive/archive-controls';
import { requireAssessment } from '~/routes/burden/find.server';
import { ItemForm } from '~/components/burden/item-form';
import { Alert } from '~/components/ui/alert';
import { Breadcrumbs, StaleValues } from '~/components/ui/form';
import { RemovalConfirmation, RemoveButton } from '~/components/ui/removal';
import { pluralize } from '~/domain/plural';
import type { Removal } from '~/domain/removal';
import { fromScaled, minutesText } from '~/domain/burden/units';
import { refusal, found, pathParam } from '~/web/toolkit.server';
import { askFirst } from '~/web/removal.server';
import { itemColumns, itemSchemaWithSegments, overrideSchema } from '~/schemas/burden';
import { VersionField } from '~/schemas/common';
import { IdParam } from '~/schemas/params';
import { assessmentEdits, editAssessment } from '~/commands/burden';
import { dbOf, type RequestArgs } from '~/web/context.server';
import type { AuditAction } from '~/domain/audit';

export const meta: Route.MetaFunction = () => [
  { title: 'Burden item | Life Experience Workspace' },
];

async function load(
  { request, context }: RequestArgs,
  params: Route.LoaderArgs['params'],
  action: 'burden.edit',
) {
  const { user, detail } = await requireAssessment(
    { request, context },
    params.assessmentId,
    action,
  );
  const itemId = pathParam(IdParam, params.itemId);
  const item = found(detail.items.find((i) => i.id === itemId));
  return { user, detail, item };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { detail, item } = await load({ request, context }, params, 'burden.edit');
  const a = detail.assessment;
  return {
    // An archived assessment is read, not edited: the page says so and offers Restore (decision 024).
    archived: a.archived_at !== null,
    assessment: {
      id: a.id,
      title: a.title,
      version: a.version,
      portfolio_slug: a.portfolio_slug,
      portfolio_name: a.portfolio_name,
    },
    item,
    steps: detail.steps.map((s) => ({ id: s.id, title: s.title, stage: s.stage })),
    segments: detail.segments.map((s) => {
      const o = s.overrides.get(item.id);
      // Without its own minutes, a segment takes its percentage of the item's: minutes × 1,000 is
      // seconds × percent / 6, whole for minutes typed with one decimal (6-second steps).
      const followed = fromScaled(
        Math.round((item.seconds_per_occurrence * s.time_percent) / 6),
        3,
      );
      return {
        id: s.id,
        name: s.name,
        followsBase:
          item.category === 'psychological'
            ? null
            : `Empty: ${s.time_percent}% of the item’s minutes, now ${followed} minutes.`,
        minutes: o?.secondsPerOccurrence == null ? '' : minutesText(o.secondsPerOccurrence),
        dollars: o?.outOfPocketCents == null ? '' : fromScaled(o.outOfPocketCents, 2),
      };
    }),
  };
}

const Version = z.object({ version: VersionField });

/** What removing the item takes away: the segments' own figures for it go with it. */
const itemRemoval = (item: { description: string }, segmentsWithFigures: string[]): Removal => ({
  what: `the burden item “${item.description}”`,
  takes:
    segmentsWithFigures.length > 0
      ? [
          `its own figures for ${pluralize(segmentsWithFigures.length, 'segment')}: ${segmentsWithFigures.join(', ')}`,
        ]
      : [],
  confirm: 'Yes, remove the item',
});

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, detail, item } = await load({ request, context }, params, 'burden.edit');
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? 'save');
  const base: { id: number; actorId: number; action: AuditAction } = {
    id: detail.assessment.id,
    actorId: user.personId,
    // Any other intent is the item form's save.
    action:
      intent === 'override' ? 'override_item' : intent === 'delete' ? 'delete_item' : 'save_item',
  };
  if (intent === 'override') {
    const submission = parseWithZod(formData, {
      schema: overrideSchema(item.occurrences_hundredths).and(Version),
    });
    if (submission.status !== 'success')
      return data({ intent, result: submission.reply(), stale: null }, { status: 400 });
    const v = submission.value;
    try {
      await editAssessment(dbOf(context), { ...base, version: v.version }, (trx, a) =>
        assessmentEdits.setOverride(trx, a, item.id, v.segmentId, {
          seconds: v.minutesPerOccurrence === undefined ? null : v.minutesPerOccurrence * 6,
          oopCents: v.outOfPocketDollars ?? null,
        }),
      );
    } catch (error) {
      return refusal(error, submission, { intent });
    }
    throw redirect(`/burden/${detail.assessment.id}/items/${item.id}`);
  }
  if (intent === 'delete') {
    const submission = parseWithZod(formData, { schema: Version });
    if (submission.status !== 'success')
      return data({ intent, result: submission.reply(), stale: null }, { status: 400 });
    const ask = askFirst(
      formData,
      () =>
        itemRemoval(
          item,
          detail.segments.filter((s) => s.overrides.has(item.id)).map((s) => s.name),
        ),
      {
        fields: { intent, version: submission.value.version },
        cancelTo: `/burden/${detail.assessment.id}/items/${item.id}`,
      },
      { intent, result: undefined, stale: null },
    );
    if (ask) return ask;
    try {
      await editAssessment(
        dbOf(context),
        { ...base, version: submission.value.version },
        (trx, a) => assessmentEdits.deleteItem(trx, a, item.id),
      );
    } catch (error) {
      return refusal(error, submission, { intent });
    }
    throw redirect(`/burden/${detail.assessment.id}`);
  }
  // Segments' own minutes for this item must still fit in a year with the new occurrences.
  const segmentMinutes = detail.segments.map((s) => ({
    name: s.name,
    secondsPerOccurrence: s.overrides.get(item.id)?.secondsPerOccurrence ?? null,
    timePercent: s.time_percent,
  }));
  const submission = parseWithZod(formData, {
    schema: itemSchemaWithSegments(segmentMinutes).and(Version),
  });
  if (submission.status !== 'success')
    return data({ intent, result: submission.reply(), stale: null }, { status: 400 });
  try {
    await editAssessment(dbOf(context), { ...base, version: submission.value.version }, (trx, a) =>
      assessmentEdits.updateItem(trx, a, item.id, itemColumns(submission.value)),
    );
  } catch (error) {
    return refusal(error, submission, { intent });
  }
  throw redirect(`/burden/${detail.assessment.id}`);
}

export default function BurdenItem(props: Route.ComponentProps) {
  const { assessment: a, item: i } = props.loaderData;
  if (props.loaderData.archived)
    return (
      <>
        <Breadcrumbs
          items={[
            { to: '/', label: 'Portfolios' },
            { to: `/portfolios/${a.portfolio_slug}`, label: a.portfolio_name },
            { to: `/burden/${a.id}`, label: a.title },
            { label: i.description },
          ]}
        />
        <h1>Edit burden item</h1>
        <ArchivedEditNotice
          kind="burden_assessment"
          id={a.id}
          version={a.version}
          title={a.title}
        />
      </>
    );
  return <BurdenItemForms {...props} />;
}

function BurdenItemForms({ loaderData, actionData }: Route.ComponentProps) {
  const { assessment: a, item: i, steps, segments } = loaderData;
  const version = actionData?.stale?.version ?? a.version;
  if (actionData && 'removal' in actionData)
    return <RemovalConfirmation prompt={actionData.removal} />;
  const overrideErrors = actionData?.intent === 'override' ? actionData.result.error : undefined;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${a.portfolio_slug}`, label: a.portfolio_name },
          { to: `/burden/${a.id}`, label: a.title },
          { label: i.description },
        ]}
      />
      <h1>Edit burden item</h1>
      {actionData?.stale ? (
        <StaleValues
          current={actionData.stale.current}
          labels={{ title: 'Assessment', updated_at: 'Last saved' }}
        />
      ) : null}
      <ItemForm
        id="item"
        defaults={{
          category: i.category,
          description: i.description,
          stepId: i.step_id === null ? '' : String(i.step_id),
          peoplePerYear: String(i.people_per_year),
          occurrencesPerPerson: fromScaled(i.occurrences_hundredths, 2),
          minutesPerOccurrence:
            i.category === 'psychological' ? '' : minutesText(i.seconds_per_occurrence),
          outOfPocketDollars: i.out_of_pocket_cents ? fromScaled(i.out_of_pocket_cents, 2) : '',
          stress: i.stress === null ? '' : String(i.stress),
          stigma: i.stigma === null ? '' : String(i.stigma),
          frustration: i.frustration === null ? '' : String(i.frustration),
          autonomy: i.autonomy === null ? '' : String(i.autonomy),
          timeEquivalentMinutes:
            i.time_equivalent_seconds === null ? '' : minutesText(i.time_equivalent_seconds),
        }}
        steps={steps}
        hidden={{ intent: 'save', version }}
        lastResult={actionData?.intent === 'save' ? actionData.result : undefined}
        submitLabel="Save item"
      />

      {segments.length > 0 ? (
        <section aria-labelledby="segment-figures">
          <h2 id="segment-figures">Segments’ own figures for this item</h2>
          <p>Leave a field empty where the segment is like everyone else.</p>
          {overrideErrors ? (
            <Alert type="error" heading="Not saved">
              {Object.values(overrideErrors).flat().join(' ')}
            </Alert>
          ) : null}
          {segments.map((s) => (
            <Form key={s.id} method="post" className="usa-form margin-bottom-3">
              <input type="hidden" name="intent" value="override" />
              <input type="hidden" name="segmentId" value={s.id} />
              <input type="hidden" name="version" value={version} />
              <fieldset className="usa-fieldset">
                <legend className="usa-legend text-bold">{s.name}</legend>
                <label className="usa-label" htmlFor={`seg-${s.id}-minutes`}>
                  Minutes per occurrence
                </label>
                {s.followsBase ? (
                  <span className="usa-hint" id={`seg-${s.id}-minutes-hint`}>
                    {s.followsBase}
                  </span>
                ) : null}
                <input
                  className="usa-input"
                  id={`seg-${s.id}-minutes`}
                  name="minutesPerOccurrence"
                  defaultValue={s.minutes}
                  inputMode="decimal"
                  aria-describedby={s.followsBase ? `seg-${s.id}-minutes-hint` : undefined}
                />
                <label className="usa-label" htmlFor={`seg-${s.id}-dollars`}>
                  Out-of-pocket dollars per occurrence
                </label>
                <input
                  className="usa-input"
                  id={`seg-${s.id}-dollars`}
                  name="outOfPocketDollars"
                  defaultValue={s.dollars}
                  inputMode="decimal"
                />
              </fieldset>
              <button type="submit" className="usa-button usa-button--outline margin-top-1">
                Save figures for {s.name}
              </button>
            </Form>
          ))}
        </section>
      ) : null}

      <h2>Remove this item</h2>
      <RemoveButton
        removal={itemRemoval(
          i,
          segments.filter((s) => s.minutes !== '' || s.dollars !== '').map((s) => s.name),
        )}
        fields={{ intent: 'delete', version }}
        label="Remove item"
      />
    </>
  );
}
