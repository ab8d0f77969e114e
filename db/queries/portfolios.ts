import { PHASES } from '~/domain/portfolio/labels';
import type { Health, Phase } from '~/domain/portfolio/types';
import { cachedForPortfolio, cachedForProgram } from '../cache';
import type { DB } from '../client';

/** Projects per phase on a portfolio's board. */
export const BOARD_PROJECTS_PER_PHASE = 12;

export interface PortfolioSummary {
  id: number;
  slug: string;
  name: string;
  leadAgency: string;
  projects: number;
  byPhase: Record<Phase, number>;
  byHealth: Record<Health, number>;
}

const zeroPhases = (): Record<Phase, number> => ({
  discovery: 0,
  design: 0,
  development: 0,
  measurement: 0,
});
const zeroHealth = (): Record<Health, number> => ({ on_track: 0, at_risk: 0, off_track: 0 });

/** Every portfolio with its projects counted by phase and by health, for the dashboard. */
export async function listPortfolioSummaries(
  db: DB,
  page?: { limit: number; offset: number },
): Promise<PortfolioSummary[]> {
  let query = db
    .selectFrom('portfolios')
    .innerJoin('agencies', 'agencies.id', 'portfolios.lead_agency_id')
    .select(['portfolios.id', 'portfolios.slug', 'portfolios.name', 'agencies.code as lead'])
    .orderBy('portfolios.name');
  if (page) query = query.limit(page.limit).offset(page.offset);
  const portfolios = await query.execute();
  // Each portfolio's counts come from its own projects (an index search) and are kept until the
  // portfolio changes (db/cache.ts), so the dashboard does not count the whole program each time.
  return Promise.all(
    portfolios.map(async (p) => {
      const counts = await cachedForPortfolio(db, p.id, 'summary', () =>
        db
          .selectFrom('projects')
          .select(['phase', 'health', (eb) => eb.fn.countAll<number>().as('n')])
          .where('portfolio_id', '=', p.id)
          .groupBy(['phase', 'health'])
          .execute(),
      );
      const s: PortfolioSummary = {
        id: p.id,
        slug: p.slug,
        name: p.name,
        leadAgency: p.lead,
        projects: 0,
        byPhase: zeroPhases(),
        byHealth: zeroHealth(),
      };
      for (const c of counts) {
        const n = Number(c.n);
        s.projects += n;
        s.byPhase[c.phase] += n;
        s.byHealth[c.health] += n;
      }
      return s;
    }),
  );
}

/** How many portfolios and projects the program has (kept until anything changes). */
export async function programTotals(db: DB): Promise<{ portfolios: number; projects: number }> {
  return cachedForProgram(db, 'program-totals', async () => {
    const [portfolios, projects] = await Promise.all([
      db
        .selectFrom('portfolios')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('projects')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { portfolios: Number(portfolios.n), projects: Number(projects.n) };
  });
}

/** One portfolio with its agencies (POC and PMC member), team and projects, or undefined. */
export async function getPortfolioBySlug(db: DB, slug: string) {
  const portfolio = await db
    .selectFrom('portfolios')
    .innerJoin('agencies', 'agencies.id', 'portfolios.lead_agency_id')
    .selectAll('portfolios')
    .select(['agencies.code as lead_code', 'agencies.name as lead_name'])
    .where('portfolios.slug', '=', slug)
    .executeTakeFirst();
  if (!portfolio) return undefined;
  const [agencies, team, projects, counts] = await Promise.all([
    db
      .selectFrom('portfolio_agencies as pa')
      .innerJoin('agencies as a', 'a.id', 'pa.agency_id')
      .leftJoin('people as pmc', 'pmc.id', 'pa.pmc_member_id')
      .leftJoin('agency_pocs as poc', (join) =>
        join
          .onRef('poc.portfolio_id', '=', 'pa.portfolio_id')
          .onRef('poc.agency_id', '=', 'pa.agency_id')
          .on('poc.ended_at', 'is', null),
      )
      .leftJoin('people as pocp', 'pocp.id', 'poc.person_id')
      .select([
        'a.id',
        'a.code',
        'a.name',
        'pmc.name as pmc_name',
        'pocp.name as poc_name',
        'pocp.email as poc_email',
      ])
      .where('pa.portfolio_id', '=', portfolio.id)
      .orderBy('a.code')
      .execute(),
    db
      .selectFrom('portfolio_memberships as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .select(['p.id', 'p.name', 'p.title', 'm.role', 'a.code as agency_code'])
      .where('m.portfolio_id', '=', portfolio.id)
      .orderBy('m.role')
      .orderBy('p.name')
      .execute(),
    // The board shows the first few projects of each phase and each phase's count; the project
    // finder lists them all. One query per phase keeps this independent of the portfolio's size.
    Promise.all(
      PHASES.map((phase) =>
        db
          .selectFrom('projects')
          .leftJoin('agencies', 'agencies.id', 'projects.owner_agency_id')
          .select([
            'projects.id',
            'projects.name',
            'projects.phase',
            'projects.health',
            'agencies.code as owner_code',
          ])
          .where('projects.portfolio_id', '=', portfolio.id)
          .where('projects.phase', '=', phase)
          .orderBy('projects.name')
          .limit(BOARD_PROJECTS_PER_PHASE)
          .execute(),
      ),
    ).then((lists) => lists.flat()),
    db
      .selectFrom('projects')
      .select(['phase', (eb) => eb.fn.countAll<number>().as('n')])
      .where('portfolio_id', '=', portfolio.id)
      .groupBy('phase')
      .execute(),
  ]);
  const projectCounts = Object.fromEntries(
    PHASES.map((ph) => [ph, Number(counts.find((c) => c.phase === ph)?.n ?? 0)]),
  ) as Record<Phase, number>;
  return { portfolio, agencies, team, projects, projectCounts };
}

/** A portfolio's id, slug, name and version, or undefined. */
export async function getPortfolioHeader(db: DB, slug: string) {
  return db
    .selectFrom('portfolios')
    .select(['id', 'slug', 'name', 'version'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** The portfolio's participating agencies, by code. */
export async function portfolioAgencies(db: DB, portfolioId: number) {
  return db
    .selectFrom('portfolio_agencies')
    .innerJoin('agencies', 'agencies.id', 'portfolio_agencies.agency_id')
    .select(['agencies.id', 'agencies.code', 'agencies.name'])
    .where('portfolio_agencies.portfolio_id', '=', portfolioId)
    .orderBy('agencies.code')
    .execute();
}

/** Every portfolio's name, address and the fiscal year its A-11 cycle began, by name. */
export async function listPortfolioCycles(db: DB) {
  return db
    .selectFrom('portfolios')
    .select(['name', 'slug', 'cycle_start_fy as cycleStartFy'])
    .orderBy('name')
    .execute();
}
