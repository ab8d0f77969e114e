import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import type { Route } from './+types/milestone-new';
import { MilestoneForm } from '~/components/project/milestone-form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { refusal } from '~/web/toolkit.server';
import { NewMilestoneSchema } from '~/schemas/milestone';
import { createMilestone } from '~/commands/projects';
import { dbOf, type RequestArgs } from '~/web/context.server';
import { requireProject } from '~/routes/projects/find.server';

export const meta: Route.MetaFunction = () => [
  { title: 'New milestone | Life Experience Workspace' },
];

const load = (args: RequestArgs, projectId: string | undefined) =>
  requireProject(args, projectId, 'milestone.edit');

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { project } = await load({ request, context }, params.projectId);
  return { project };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, project } = await load({ request, context }, params.projectId);
  const submission = parseWithZod(await request.formData(), { schema: NewMilestoneSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  }
  try {
    await createMilestone(dbOf(context), {
      projectId: project.id,
      portfolioId: project.portfolio_id,
      actorId: user.personId,
      values: submission.value,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/projects/${project.id}#milestones`);
}

export default function NewMilestone({ loaderData, actionData }: Route.ComponentProps) {
  const { project } = loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${project.portfolio_slug}`, label: project.portfolio_name },
          { to: `/projects/${project.id}`, label: project.name },
          { label: 'New milestone' },
        ]}
      />
      <h1>New milestone</h1>
      <MilestoneForm
        lastResult={actionData?.result}
        submitLabel="Add milestone"
        defaults={{
          title: '',
          owner: '',
          timingKind: 'quarter',
          fy: '',
          quarter: '',
          dueDate: '',
          status: 'planned',
          completedOn: '',
          notes: '',
        }}
      />
    </>
  );
}
