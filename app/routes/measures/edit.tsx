import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import type { Route } from './+types/edit';
import { MeasureForm } from '~/components/measures/measure-form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { refusal } from '~/web/toolkit.server';
import { EditMeasureSchema } from '~/schemas/measure';
import { listAgencies } from '#db/queries/portfolio-admin';
import { measureSourceChoices } from '#db/queries/measures';
import { updateMeasure } from '~/commands/measures';
import { requireMeasure } from '~/routes/measures/find.server';
import { dbOf } from '~/web/context.server';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Edit ${data?.measure.name ?? 'success measure'} | Life Experience Workspace` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { measure } = await requireMeasure({ request, context }, params.measureId, 'measure.edit');
  const [agencies, sources] = await Promise.all([
    listAgencies(dbOf(context)),
    measureSourceChoices(dbOf(context), measure.portfolio_id),
  ]);
  return { measure, agencies, sources };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, measure } = await requireMeasure(
    { request, context },
    params.measureId,
    'measure.edit',
  );
  const submission = parseWithZod(await request.formData(), { schema: EditMeasureSchema });
  if (submission.status !== 'success')
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  const { version, ...values } = submission.value;
  try {
    await updateMeasure(dbOf(context), {
      projectId: measure.project_id,
      portfolioId: measure.portfolio_id,
      measureId: measure.id,
      actorId: user.personId,
      version,
      values,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/measures/${measure.id}`);
}

const text = (v: number | null) => (v === null ? '' : String(v));

export default function EditMeasure({ loaderData, actionData }: Route.ComponentProps) {
  const { measure: m, agencies, sources } = loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${m.portfolio_slug}`, label: m.portfolio_name },
          { to: `/projects/${m.project_id}`, label: m.project_name },
          { to: `/measures/${m.id}`, label: m.name },
          { label: 'Edit' },
        ]}
      />
      <h1>Edit the success measure “{m.name}”</h1>
      <MeasureForm
        key={m.version}
        version={m.version}
        agencies={agencies}
        sources={sources}
        lastResult={actionData?.result}
        stale={actionData?.stale}
        submitLabel="Save success measure"
        defaults={{
          name: m.name,
          definition: m.definition,
          unit: m.unit,
          direction: m.direction,
          baselineValue: String(m.baseline_value),
          baselineDate: m.baseline_date,
          targetValue: String(m.target_value),
          targetDate: m.target_date,
          dataSource: m.data_source,
          cadence: m.cadence,
          tolerance: m.tolerance === null ? '' : text(Math.round(m.tolerance * 10000) / 100),
          ownerAgencyId: text(m.owner_agency_id),
          sourceKind: m.source_kind,
          sourceCollectionId: text(m.source_collection_id),
          sourceAssessmentId: text(m.source_assessment_id),
        }}
      />
    </>
  );
}
