import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import { z } from 'zod';
import type { Route } from './+types/index';
import { FilterSelect } from '~/components/ui/filter-select';
import { PreviousNext } from '~/components/ui/page-numbers';
import { HealthTag, PhaseTag } from '~/components/ui/tags';
import { HEALTH_LABELS, PHASE_LABELS, PHASES } from '~/domain/portfolio/labels';
import { IdParam } from '~/schemas/params';
import { HEALTHS } from '~/schemas/project';
import { listAgencies } from '#db/queries/portfolio-admin';
import { listPortfolioSummaries } from '#db/queries/portfolios';
import { findProjects } from '#db/queries/projects';
import { dbOf, requireUser } from '~/web/context.server';
import { authorize } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = () => [{ title: 'Projects | Life Experience Workspace' }];

const PAGE = 50;
const Filters = {
  portfolio: IdParam,
  phase: z.enum(PHASES as [string, ...string[]]),
  agency: IdParam,
  health: z.enum(HEALTHS),
  page: z.coerce.number().int().min(1).max(100000),
};
const MESSAGES: Record<keyof typeof Filters, string> = {
  portfolio: 'Choose a portfolio from the list.',
  phase: 'Choose a phase from the list.',
  agency: 'Choose an agency from the list.',
  health: 'Choose a health status from the list.',
  page: 'That page number is not valid.',
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'program.read');
  const params = new URL(request.url).searchParams;
  const errors: Partial<Record<keyof typeof Filters, string>> = {};
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(Filters) as (keyof typeof Filters)[]) {
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    const parsed = Filters[key].safeParse(raw);
    if (parsed.success) values[key] = parsed.data;
    else errors[key] = MESSAGES[key];
  }
  const page = (values.page as number | undefined) ?? 1;
  const db = dbOf(context);
  const [result, portfolios, agencies] = await Promise.all([
    findProjects(db, {
      portfolioId: values.portfolio as number | undefined,
      phase: values.phase as string | undefined,
      agencyId: values.agency as number | undefined,
      health: values.health as string | undefined,
      limit: PAGE,
      offset: (page - 1) * PAGE,
    }),
    listPortfolioSummaries(db),
    listAgencies(db),
  ]);
  return {
    ...result,
    page,
    pages: Math.max(1, Math.ceil(result.total / PAGE)),
    portfolios: portfolios.map((p) => ({ id: p.id, name: p.name })),
    agencies,
    selected: Object.fromEntries(
      (['portfolio', 'phase', 'agency', 'health'] as const).map((k) => [
        k,
        values[k] === undefined ? '' : String(values[k]),
      ]),
    ) as Record<'portfolio' | 'phase' | 'agency' | 'health', string>,
    errors,
  };
}

export default function Projects({ loaderData }: Route.ComponentProps) {
  const { rows, total, page, pages, portfolios, agencies, selected, errors } = loaderData;
  const pageLink = (p: number) => {
    const q = new URLSearchParams(Object.entries(selected).filter(([, v]) => v !== ''));
    q.set('page', String(p));
    return `/projects?${q.toString()}`;
  };
  return (
    <>
      <h1>Projects</h1>
      <Form
        method="get"
        className="usa-form maxw-full display-flex flex-wrap flex-align-end"
        style={{ gap: '1rem' }}
      >
        <FilterSelect
          id="filter-portfolio"
          name="portfolio"
          label="Portfolio"
          value={selected.portfolio}
          error={errors.portfolio}
          options={portfolios.map((p) => ({ value: p.id, label: p.name }))}
        />
        <FilterSelect
          id="filter-phase"
          name="phase"
          label="Phase"
          value={selected.phase}
          error={errors.phase}
          options={PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] }))}
        />
        <FilterSelect
          id="filter-agency"
          name="agency"
          label="Involved agency"
          value={selected.agency}
          error={errors.agency}
          options={agencies.map((a) => ({ value: a.id, label: `${a.code}: ${a.name}` }))}
        />
        <FilterSelect
          id="filter-health"
          name="health"
          label="Health"
          value={selected.health}
          error={errors.health}
          options={HEALTHS.map((h) => ({ value: h, label: HEALTH_LABELS[h] }))}
        />
        <button type="submit" className="usa-button margin-top-2">
          Show projects
        </button>
      </Form>
      <p role="status">
        {total} {total === 1 ? 'project matches' : 'projects match'}.
        {errors.page ? ` ${errors.page}` : ''}
      </p>
      {rows.length > 0 ? (
        <table className="usa-table usa-table--borderless usa-table--stacked width-full">
          <caption className="usa-sr-only">Matching projects</caption>
          <thead>
            <tr>
              <th scope="col">Project</th>
              <th scope="col">Portfolio</th>
              <th scope="col">Phase</th>
              <th scope="col">Health</th>
              <th scope="col">Owner</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <th scope="row" data-label="Project">
                  <Link to={`/projects/${p.id}`}>{p.name}</Link>
                </th>
                <td data-label="Portfolio">
                  <Link to={`/portfolios/${p.portfolio_slug}`}>{p.portfolio_name}</Link>
                </td>
                <td data-label="Phase">
                  <PhaseTag phase={p.phase} />
                </td>
                <td data-label="Health">
                  <HealthTag health={p.health} />
                  {p.health_reason ? <div className="font-body-2xs">{p.health_reason}</div> : null}
                </td>
                <td data-label="Owner">{p.owner_code ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <PreviousNext label="Pages of projects" page={page} pages={pages} href={pageLink} />
    </>
  );
}
