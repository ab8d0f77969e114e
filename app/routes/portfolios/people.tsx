import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import type { Route } from './+types/people';
import { FieldError } from '~/components/ui/field';
import { FormErrors } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { formatDate } from '~/domain/portfolio/labels';
import { authorize, refusal, found, pathParam } from '~/web/toolkit.server';
import { SlugParam } from '~/schemas/params';
import { PeopleSchema } from '~/schemas/portfolio';
import { getPocHistory, peopleOfAgencies } from '#db/queries/portfolio-admin';
import { changePoc, setPmcMember } from '~/commands/portfolios';
import { getPortfolioBySlug } from '#db/queries/portfolios';
import { dbOf, requireUser, type RequestArgs } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Points of contact and PMC members | Life Experience Workspace' },
];

async function load({ request, context }: RequestArgs, slug: string | undefined) {
  const user = requireUser({ request, context });
  const detail = found(await getPortfolioBySlug(dbOf(context), pathParam(SlugParam, slug)));
  authorize(user, 'portfolio.assign_poc', { portfolioId: detail.portfolio.id });
  return { user, ...detail };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { portfolio, agencies } = await load({ request, context }, params.slug);
  const db = dbOf(context);
  const [people, history] = await Promise.all([
    peopleOfAgencies(
      db,
      agencies.map((a) => a.id),
    ),
    getPocHistory(db, portfolio.id),
  ]);
  return { portfolio, agencies, people, history };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, portfolio } = await load({ request, context }, params.slug);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: PeopleSchema });
  // Which agency's form was sent, even when it was refused: its messages go next to its select.
  const sentFor = {
    agencyId: /^[1-9]\d{0,9}$/.test(String(formData.get('agencyId') ?? ''))
      ? Number(formData.get('agencyId'))
      : (null as number | null),
    intent: formData.get('intent') === 'set_pmc' ? 'set_pmc' : 'change_poc',
  };
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), ...sentFor }, { status: 400 });
  }
  const v = submission.value;
  const input = {
    portfolioId: portfolio.id,
    agencyId: v.agencyId,
    personId: v.personId!,
    actorId: user.personId,
  };
  try {
    if (v.intent === 'change_poc') await changePoc(dbOf(context), input);
    else await setPmcMember(dbOf(context), input);
  } catch (error) {
    return refusal(error, submission, sentFor);
  }
  throw redirect(`/portfolios/${portfolio.slug}/people`);
}

export default function People({ loaderData, actionData }: Route.ComponentProps) {
  const { portfolio, agencies, people, history } = loaderData;
  const errorsFor = (agencyId: number, field: string) =>
    actionData?.agencyId === agencyId ? (actionData.result.error?.[field] ?? undefined) : undefined;
  // The summary links a field's message to the select of the agency it was sent for.
  const fieldIds =
    actionData?.agencyId != null
      ? { personId: `${actionData.intent === 'set_pmc' ? 'pmc' : 'poc'}-${actionData.agencyId}` }
      : undefined;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { label: 'Points of contact and PMC members' },
        ]}
      />
      <h1>Points of contact and PMC members</h1>
      <p className="usa-intro">
        Each participating agency has a single point of contact who answers phase gates, and a PMC
        member who signs the charter (A-11 280.16).
      </p>
      <FormErrors id="people-errors" errors={actionData?.result.error} fields={fieldIds} />
      {agencies.map((a) => {
        const staff = people.filter((p) => p.agency_id === a.id);
        const pocErrors = errorsFor(a.id, 'personId');
        return (
          <section
            key={a.id}
            aria-labelledby={`agency-${a.id}`}
            className="border-top border-base-lighter padding-top-2 margin-top-3"
          >
            <h2 id={`agency-${a.id}`}>
              {a.name} ({a.code})
            </h2>
            <p>
              Point of contact: <strong>{a.poc_name ?? 'Not assigned'}</strong>. PMC member:{' '}
              <strong>{a.pmc_name ?? 'Not assigned'}</strong>.
            </p>
            <div className="grid-row grid-gap">
              <Form method="post" className="usa-form tablet:grid-col-6">
                <input type="hidden" name="intent" value="change_poc" />
                <input type="hidden" name="agencyId" value={a.id} />
                <div className={`usa-form-group${pocErrors ? ' usa-form-group--error' : ''}`}>
                  <label className="usa-label" htmlFor={`poc-${a.id}`}>
                    New point of contact for {a.code}
                  </label>
                  <FieldError id={`poc-${a.id}-error`} errors={pocErrors} />
                  <select className="usa-select" id={`poc-${a.id}`} name="personId" defaultValue="">
                    <option value="">- Select -</option>
                    {staff.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                        {p.title ? `, ${p.title}` : ''}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="usa-button usa-button--outline">
                  Change {a.code} point of contact
                </button>
              </Form>
              <Form method="post" className="usa-form tablet:grid-col-6">
                <input type="hidden" name="intent" value="set_pmc" />
                <input type="hidden" name="agencyId" value={a.id} />
                <div className="usa-form-group">
                  <label className="usa-label" htmlFor={`pmc-${a.id}`}>
                    PMC member for {a.code}
                  </label>
                  <select className="usa-select" id={`pmc-${a.id}`} name="personId" defaultValue="">
                    <option value="">- Select -</option>
                    {staff.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="usa-button usa-button--outline">
                  Set {a.code} PMC member
                </button>
              </Form>
            </div>
            <h3>Point of contact history</h3>
            <ul className="usa-list">
              {history
                .filter((h) => h.agency_id === a.id)
                .map((h) => (
                  <li key={h.id}>
                    {h.name}: from {formatDate(h.started_at)}
                    {h.ended_at ? ` to ${formatDate(h.ended_at)}` : ' (current)'}
                  </li>
                ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
