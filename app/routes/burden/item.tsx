import type { Route } from './+types/item';
import { ArchivedEditNotice } from '~/components/archive/archive-controls';
import { requireAssessment } from '~/routes/burden/find.server';
import { ItemForm } from '~/components/burden/item-form';
import { SegmentFiguresForms } from '~/components/burden/segment-figures-forms';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { StaleValues } from '~/components/ui/stale-values';
import { RemovalConfirmation, RemoveButton } from '~/components/ui/removal';
import { itemDefaults, itemPageView, itemRemoval } from '~/presenters/burden';
import { dispatch, found, pathParam } from '~/web/toolkit.server';
import { askFirst } from '~/web/removal.server';
import { itemColumns, itemPageSchema } from '~/schemas/burden';
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

/** Each of the page's forms is one versioned, audited edit of the assessment. */
const AUDIT: Record<'save' | 'override' | 'delete', AuditAction> = {
  save: 'save_item',
  override: 'override_item',
  delete: 'delete_item',
};

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, detail, item } = await load({ request, context }, params, 'burden.edit');
  const formData = await request.formData();
  const here = `/burden/${detail.assessment.id}/items/${item.id}`;
  // Removing the item asks first (a page, not a redirect), so it answers before dispatch.
  if (formData.get('intent') === 'delete') {
    const version = VersionField.safeParse(formData.get('version'));
    if (version.success) {
      const ask = askFirst(
        formData,
        () =>
          itemRemoval(
            item,
            detail.segments.filter((s) => s.overrides.has(item.id)).map((s) => s.name),
          ),
        { fields: { intent: 'delete', version: version.data }, cancelTo: here },
        { intent: 'delete', result: undefined, stale: null },
      );
      if (ask) return ask;
    }
  }
  const edit = async (
    v: { version: number; intent: keyof typeof AUDIT },
    change: Parameters<typeof editAssessment>[2],
  ) => {
    await editAssessment(
      dbOf(context),
      {
        id: detail.assessment.id,
        version: v.version,
        actorId: user.personId,
        action: AUDIT[v.intent],
      },
      change,
    );
  };
  // Segments' own minutes for this item must still fit in a year with the new occurrences.
  const schema = itemPageSchema(
    item.occurrences_hundredths,
    detail.segments.map((s) => ({
      name: s.name,
      secondsPerOccurrence: s.overrides.get(item.id)?.secondsPerOccurrence ?? null,
      timePercent: s.time_percent,
    })),
  );
  return dispatch(formData, schema, {
    save: async (v) => {
      await edit(v, (trx, a) => assessmentEdits.updateItem(trx, a, item.id, itemColumns(v)));
      return `/burden/${detail.assessment.id}`;
    },
    override: async (v) => {
      await edit(v, (trx, a) =>
        assessmentEdits.setOverride(trx, a, item.id, v.segmentId, {
          seconds: v.minutesPerOccurrence === undefined ? null : v.minutesPerOccurrence * 6,
          oopCents: v.outOfPocketDollars ?? null,
        }),
      );
      return here;
    },
    delete: async (v) => {
      await edit(v, (trx, a) => assessmentEdits.deleteItem(trx, a, item.id));
      return `/burden/${detail.assessment.id}`;
    },
  });
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
