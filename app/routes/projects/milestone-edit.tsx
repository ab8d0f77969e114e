import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/milestone-edit';
import { MilestoneForm } from '~/components/project/milestone-form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { RemovalConfirmation, RemoveButton } from '~/components/ui/removal';
import type { Removal } from '~/domain/removal';
import { authorize, refusal, found, pathParam } from '~/web/toolkit.server';
import { askFirst } from '~/web/removal.server';
import { VersionField } from '~/schemas/common';
import { EditMilestoneSchema } from '~/schemas/milestone';
import { IdParam } from '~/schemas/params';
import { getMilestone, getProject } from '#db/queries/projects';
import { deleteMilestone, updateMilestone } from '~/commands/projects';
import { dbOf, requireUser, type RequestArgs } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Edit milestone | Life Experience Workspace' },
];

const DeleteSchema = z.object({ intent: z.literal('delete'), version: VersionField });

/** What removing the milestone takes away (the dialog and the confirmation page). */
const milestoneRemoval = (m: { title: string }): Removal => ({
  what: `the milestone “${m.title}”`,
  takes: [],
  confirm: 'Yes, remove the milestone',
});

async function load({ request, context }: RequestArgs, params: Route.LoaderArgs['params']) {
  const user = requireUser({ request, context });
  const detail = found(await getProject(dbOf(context), pathParam(IdParam, params.projectId)));
  const milestone = found(
    await getMilestone(dbOf(context), detail.project.id, pathParam(IdParam, params.milestoneId)),
  );
  authorize(user, 'milestone.edit', { portfolioId: detail.project.portfolio_id });
  return { user, project: detail.project, milestone };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { project, milestone } = await load({ request, context }, params);
  return { project, milestone };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, project, milestone } = await load({ request, context }, params);
  const formData = await request.formData();
  const ids = {
    projectId: project.id,
    portfolioId: project.portfolio_id,
    milestoneId: milestone.id,
    actorId: user.personId,
  };
  if (formData.get('intent') === 'delete') {
    const submission = parseWithZod(formData, { schema: DeleteSchema });
    if (submission.status !== 'success')
      return data({ result: submission.reply(), stale: null }, { status: 400 });
    const ask = askFirst(
      formData,
      () => milestoneRemoval(milestone),
      {
        fields: { intent: 'delete', version: submission.value.version },
        cancelTo: `/projects/${project.id}/milestones/${milestone.id}`,
      },
      { result: undefined, stale: null },
    );
    if (ask) return ask;
    try {
      await deleteMilestone(dbOf(context), { ...ids, version: submission.value.version });
    } catch (error) {
      return refusal(error, submission);
    }
    throw redirect(`/projects/${project.id}#milestones`);
  }
  const submission = parseWithZod(formData, { schema: EditMilestoneSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  }
  const { version, ...values } = submission.value;
  try {
    await updateMilestone(dbOf(context), { ...ids, version, values });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/projects/${project.id}#milestones`);
}

export default function EditMilestone({ loaderData, actionData }: Route.ComponentProps) {
  const { project, milestone: m } = loaderData;
  if (actionData && 'removal' in actionData)
    return <RemovalConfirmation prompt={actionData.removal} />;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${project.portfolio_slug}`, label: project.portfolio_name },
          { to: `/projects/${project.id}`, label: project.name },
          { label: 'Edit milestone' },
        ]}
      />
      <h1>Edit milestone</h1>
      <MilestoneForm
        key={m.version}
        version={m.version}
        lastResult={actionData?.result}
        stale={actionData?.stale}
        submitLabel="Save milestone"
        defaults={{
          title: m.title,
          owner: m.owner,
          timingKind: m.due_date ? 'date' : 'quarter',
          fy: m.timing_fy ? String(m.timing_fy) : '',
          quarter: m.timing_quarter ? String(m.timing_quarter) : '',
          dueDate: m.due_date ?? '',
          status: m.status,
          completedOn: m.completed_on ?? '',
          notes: m.notes,
        }}
      />
      <h2>Remove this milestone</h2>
      <RemoveButton
        removal={milestoneRemoval(m)}
        fields={{ intent: 'delete', version: actionData?.stale?.version ?? m.version }}
        label="Remove milestone"
      />
    </>
  );
}
