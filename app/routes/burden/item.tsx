import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/item';
import { ArchivedEditNotice } from '~/components/archive/archive-controls';
import { requireAssessment } from '~/routes/burden/find.server';
import { ItemForm } from '~/components/burden/item-form';
import { SegmentFiguresForms } from '~/components/burden/segment-figures-forms';
import { Breadcrumbs, StaleValues } from '~/components/ui/form';
import { RemovalConfirmation, RemoveButton } from '~/components/ui/removal';
import { itemDefaults, itemPageView, itemRemoval } from '~/presenters/burden';
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
  return itemPageView(detail, item);
}

const Version = z.object({ version: VersionField });

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
        defaults={itemDefaults(i)}
        steps={steps}
        hidden={{ intent: 'save', version }}
        lastResult={actionData?.intent === 'save' ? actionData.result : undefined}
        submitLabel="Save item"
      />

      {segments.length > 0 ? (
        <SegmentFiguresForms segments={segments} version={version} errors={overrideErrors} />
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
