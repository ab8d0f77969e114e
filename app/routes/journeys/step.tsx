import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { useMemo, useState } from 'react';
import { data, Form, redirect } from 'react-router';
import type { Route } from './+types/step';
import { ArchivedEditPage } from '~/components/archive/archive-controls';
import { MermaidDiagram } from '~/components/mermaid/mermaid-diagram';
import { TextField } from '~/components/ui/field';
import { ChoiceField, FormErrors, SelectField, TextAreaField } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { StaleValues } from '~/components/ui/stale-values';
import { generateMermaid } from '~/domain/journey/mermaid';
import { CHANNELS, SCORE_LABELS } from '~/domain/journey/types';
import { refusal, found, pathParam } from '~/web/toolkit.server';
import { projectChoices, requireJourney } from '~/routes/journeys/find.server';
import { EditStepSchema } from '~/schemas/journey';
import { IdParam } from '~/schemas/params';
import { toDiagram } from '#db/queries/journeys';
import { editJourney, journeyEdits } from '~/commands/journeys';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { dbOf, type RequestArgs } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [{ title: 'Edit step | Life Experience Workspace' }];

async function load({ request, context }: RequestArgs, params: Route.LoaderArgs['params']) {
  const { user, journey } = await requireJourney(
    { request, context },
    params.mapId,
    'journey.edit',
  );
  const stepId = pathParam(IdParam, params.stepId);
  const step = found(journey.stages.flatMap((s) => s.steps).find((s) => s.id === stepId));
  return { user, journey, step };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { journey, step } = await load({ request, context }, params);
  const projects = await projectChoices(dbOf(context), journey.map.portfolio_id);
  const stageIndex = journey.stages.findIndex((s) => s.id === step.stage_id);
  return {
    // An archived map is read, not edited: the page says so and offers Restore (decision 024).
    archived: journey.map.archived_at !== null,
    map: journey.map,
    at: {
      stage: stageIndex,
      step: journey.stages[stageIndex]!.steps.findIndex((s) => s.id === step.id),
    },
    stages: journey.stages.map((s) => ({ id: s.id, name: s.name })),
    diagram: toDiagram(journey),
    step,
    projects,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, journey, step } = await load({ request, context }, params);
  const submission = parseWithZod(await request.formData(), { schema: EditStepSchema });
  if (submission.status !== 'success')
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  const { version, stageId, projects, ...fields } = submission.value;
  try {
    await editJourney(
      dbOf(context),
      { mapId: journey.map.id, version, actorId: user.personId, action: 'update_step' },
      (trx, map) => journeyEdits.updateStep(trx, map, step.id, stageId, fields, projects),
    );
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/journeys/${journey.map.id}/edit#stage-${stageId}`);
}

export default function EditStep(props: Route.ComponentProps) {
  const { map, step } = props.loaderData;
  if (props.loaderData.archived)
    return (
      <ArchivedEditPage
        crumbs={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${map.portfolio_slug}`, label: map.portfolio_name },
          { to: `/journeys/${map.id}`, label: map.title },
          { label: step.title },
        ]}
        heading="Edit step"
        kind="journey_map"
        id={map.id}
        version={map.version}
        title={map.title}
      />
    );
  return <EditStepForms {...props} />;
}

function EditStepForms({ loaderData, actionData }: Route.ComponentProps) {
  const { map, at, stages, diagram, step, projects } = loaderData;
  const [form, fields] = useSchemaForm({
    lastResult: actionData?.result,
    defaultValue: {
      stageId: String(step.stage_id),
      title: step.title,
      score: String(step.score),
      actors: step.actors.join(', '),
      channel: step.channel,
      touchpoint: step.touchpoint,
      painPoints: step.pain_points,
      opportunities: step.opportunities,
      notes: step.notes,
      projects: step.projects.map((p) => String(p.id)),
    },
    schema: () => import('~/schemas/journey').then((m) => m.EditStepSchema),
  });
  const [live, setLive] = useState({ title: step.title, score: step.score, actors: step.actors });
  const source = useMemo(() => {
    // The saved map with this step as it is being typed.
    const d = structuredClone(diagram);
    d.stages[at.stage]!.steps[at.step] = live;
    return generateMermaid(d);
  }, [diagram, at, live]);
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${map.portfolio_slug}`, label: map.portfolio_name },
          { to: `/journeys/${map.id}`, label: map.title },
          { to: `/journeys/${map.id}/edit`, label: 'Edit' },
          { label: step.title },
        ]}
      />
      <h1>Edit step</h1>
      {actionData?.stale ? (
        <StaleValues
          current={actionData.stale.current}
          labels={{ title: 'Map title', updated_at: 'Last saved' }}
        />
      ) : null}
      <div className="grid-row grid-gap-lg">
        <div className="desktop:grid-col-7">
          <FormErrors form={form} />
          <Form
            method="post"
            className="usa-form usa-form--large"
            {...getFormProps(form)}
            onInput={(e) => {
              const fd = new FormData(e.currentTarget);
              const title = String(fd.get('title') ?? '').trim();
              const score = Number(fd.get('score'));
              if (title && score >= 1 && score <= 5) {
                setLive({
                  title,
                  score,
                  actors: String(fd.get('actors') ?? '')
                    .split(',')
                    .map((a) => a.trim())
                    .filter(Boolean),
                });
              }
            }}
          >
            <input type="hidden" name="version" value={actionData?.stale?.version ?? map.version} />
            <TextField field={fields.title} label="Step" />
            <SelectField
              field={fields.stageId}
              label="Stage"
              options={stages.map((s) => ({ value: s.id, label: s.name }))}
            />
            <SelectField
              field={fields.score}
              label="Experience score"
              options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: SCORE_LABELS[n]! }))}
            />
            <TextField field={fields.actors} label="Actors" hint="Separate names with commas." />
            <SelectField
              field={fields.channel}
              label="Channel"
              options={CHANNELS.map((c) => ({ value: c, label: c }))}
            />
            <TextField
              field={fields.touchpoint}
              label="Agency touchpoint"
              hint="For example: SSA field office, VA.gov"
            />
            <TextAreaField field={fields.painPoints} label="Pain points" />
            <TextAreaField field={fields.opportunities} label="Opportunities" />
            <TextAreaField field={fields.notes} label="Notes" rows={3} />
            <ChoiceField
              field={fields.projects}
              legend="Projects that address these pain points"
              type="checkbox"
              options={projects.map((p) => ({ value: String(p.id), label: p.name }))}
            />
            <button type="submit" className="usa-button">
              Save step
            </button>
          </Form>
        </div>
        <div className="desktop:grid-col-5">
          <h2>Live preview</h2>
          <MermaidDiagram
            source={source}
            label={`${map.title} (preview)`}
            description="Updates as you type."
          />
        </div>
      </div>
    </>
  );
}
