import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/list';
import { fiscalYearOf } from '~/domain/dates';
import { statusText, updateName } from '~/domain/pmc/standing';
import { can } from '~/domain/policy';
import { authorize, refusal } from '~/web/toolkit.server';
import { NewPmcUpdateSchema } from '~/schemas/pmc';
import { listUpdates } from '#db/queries/pmc';
import { createUpdate } from '~/commands/pmc';
import { Table } from '~/components/ui/table';
import { FormErrors } from '~/components/ui/form';
import { FieldError } from '~/components/ui/field';
import { dbOf, requireUser } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'PMC updates | Life Experience Workspace' },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'program.read');
  return {
    // A draft is OMB's working text until it is published (decision 040).
    updates: (await listUpdates(dbOf(context)))
      .filter((u) => u.status !== 'draft' || can(user, 'pmc.read_draft'))
      .map((u) => ({
        id: u.id,
        status: u.status,
        name: updateName({
          fiscalYear: u.fiscal_year,
          quarter: u.quarter,
          status: u.status,
          correctsId: u.corrects_id,
        }),
        statusText: statusText({
          status: u.status,
          publishedAt: u.published_at,
          withdrawnAt: u.withdrawn_at,
          correctsId: u.corrects_id,
        }),
      })),
    fy: fiscalYearOf(new Date()),
    mayManage: can(user, 'pmc.manage'),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'pmc.manage');
  const submission = parseWithZod(await request.formData(), { schema: NewPmcUpdateSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  let id: number;
  try {
    id = await createUpdate(dbOf(context), { ...submission.value, actorId: user.personId });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/pmc/${id}`);
}

export default function PmcUpdates({ loaderData, actionData }: Route.ComponentProps) {
  const { updates, fy, mayManage } = loaderData;
  // Withdrawn updates keep what was published, so they compare like the others.
  const published = updates.filter((u) => u.status !== 'draft');
  const errors = actionData?.result.error;
  // What was typed comes back with a refusal, so the form keeps it.
  const typed = (actionData?.result.initialValue ?? {}) as Record<string, unknown>;
  const typedFy = typeof typed.fy === 'string' ? typed.fy : String(fy);
  const typedQ = typeof typed.q === 'string' ? typed.q : '1';
  return (
    <>
      {/* A refused form's summary sits at the top of the page (issue 16, point 10). */}
      <FormErrors
        id="start-update-errors"
        errors={errors}
        fields={{ fy: 'fy', q: 'q' }}
        heading="Not started"
      />
      <h1>Quarterly updates for the President’s Management Council</h1>
      {updates.length === 0 ? (
        <p>No updates yet.</p>
      ) : (
        <Table label="PMC updates">
          <caption className="usa-sr-only">Updates, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {updates.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <Link to={`/pmc/${u.id}`}>{u.name}</Link>
                </th>
                <td>{u.statusText}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {published.length >= 2 ? (
        <Form method="get" action="/pmc/compare" className="usa-form">
          <h2>Compare two published updates</h2>
          {(['a', 'b'] as const).map((k, i) => (
            <div key={k}>
              <label className="usa-label" htmlFor={`cmp-${k}`}>
                {i === 0 ? 'Earlier' : 'Later'}
              </label>
              <select
                className="usa-select"
                id={`cmp-${k}`}
                name={k}
                defaultValue={published[i === 0 ? 1 : 0]!.id}
              >
                {published.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit" className="usa-button margin-top-2">
            Compare
          </button>
        </Form>
      ) : null}
      {mayManage ? (
        <section aria-labelledby="start-update">
          <h2 id="start-update">Start an update</h2>
          <Form method="post" className="usa-form">
            <label className="usa-label" htmlFor="fy">
              Fiscal year
            </label>
            <FieldError id="fy-error" errors={errors?.fy ?? undefined} />
            <input
              className={`usa-input${errors?.fy ? ' usa-input--error' : ''}`}
              id="fy"
              name="fy"
              inputMode="numeric"
              defaultValue={typedFy}
              aria-describedby={errors?.fy ? 'fy-error' : undefined}
            />
            <label className="usa-label" htmlFor="q">
              Quarter
            </label>
            <FieldError id="q-error" errors={errors?.q ?? undefined} />
            <select
              className="usa-select"
              id="q"
              name="q"
              defaultValue={typedQ}
              aria-describedby={errors?.q ? 'q-error' : undefined}
            >
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  Q{q}
                </option>
              ))}
            </select>
            <button type="submit" className="usa-button margin-top-2">
              Assemble update
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
