import { Fragment } from 'react';
import { data, Form, Link } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/update';
import { BarChart } from '~/components/charts/bar-chart';
import { FieldError } from '~/components/ui/field';
import { PageNumbers } from '~/components/ui/page-numbers';
import { HistorySentence, HistoryTime } from '~/components/history/history-line';
import { formatDateTime } from '~/domain/history/time';
import { changeSentence } from '~/domain/pmc/changes';
import { reorder } from '~/domain/pmc/compose';
import { freshnessText } from '~/domain/pmc/quarter';
import { pluralize } from '~/domain/plural';
import {
  formatDate,
  MILESTONE_STATUS_LABELS,
  PHASE_LABELS,
  PHASES,
} from '~/domain/portfolio/labels';
import { can } from '~/domain/policy';
import { authorize, submitEdit, notFound } from '~/web/toolkit.server';
import { loadUpdateView, PORTFOLIOS_PER_PAGE } from '~/routes/pmc/view.server';
import { VersionField } from '~/schemas/common';
import { PageParam } from '~/schemas/params';
import { changeUpdate, listUpdates, publishUpdate } from '#db/queries/pmc';
import { Table } from '~/components/ui/table';
import { FormErrors, IntentFields } from '~/components/ui/form';
import { dbOf } from '~/web/context.server';

export const meta: Route.MetaFunction = ({ data }) => [
  {
    title: `PMC update FY ${data?.view.fiscalYear ?? ''} Q${data?.view.quarter ?? ''}${data && data.view.pages > 1 ? `, page ${data.view.page}` : ''} | Life Experience Workspace`,
  },
];

/** One formatter for every figure of the burden chart (making one per call is slow). */
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Items per list on the overview; a portfolio's own view shows them all, with the controls. */
const SHOWN = { milestones: 5, other: 3, changes: 3 };

const PreviewParams = z.object({
  page: PageParam.default(1),
  /** One portfolio, with every item and the controls to leave items out and annotate them. */
  portfolio: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional(),
});

function previewParams(request: Request) {
  const parsed = PreviewParams.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) notFound('That page of the update does not exist.');
  return parsed.data;
}

/** The URL of this page of the preview, to come back to after a change. */
function previewUrl(id: number, p: z.output<typeof PreviewParams>) {
  const search = new URLSearchParams();
  if (p.page > 1) search.set('page', String(p.page));
  if (p.portfolio) search.set('portfolio', p.portfolio);
  const s = search.toString();
  return `/pmc/${id}${s ? `?${s}` : ''}`;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const p = previewParams(request);
  const { user, view } = await loadUpdateView(
    { request, context },
    params.updateId,
    p.portfolio ? { slug: p.portfolio } : { page: p.page },
  );
  if (!view) notFound('That page of the update does not exist.');
  // Burden reduced quarter by quarter: each published update's figure, then this one's.
  const published = (await listUpdates(dbOf(context)))
    .filter((u) => u.status === 'published' && u.id !== view.id)
    .reverse()
    .map((u) => ({ label: `FY ${u.fiscal_year} Q${u.quarter}`, hours: u.reducedHours }));
  const excluded = new Set(view.excluded);
  const first = <T,>(items: T[], n: number, full: boolean) => ({
    items: full ? items : items.slice(0, n),
    total: items.length,
  });
  const portfolios = view.portfolios.map((pf) => {
    const full = p.portfolio === pf.slug;
    const lists = {
      decisions: first(pf.decisions, SHOWN.other, full),
      pending: first(pf.pending, SHOWN.other, full),
      risks: first(pf.risks, SHOWN.other, full),
      milestones: first(pf.milestones, SHOWN.milestones, full),
    };
    const shownKeys = new Set(
      Object.values(lists).flatMap((l) => l.items.map((i: { key: string }) => i.key)),
    );
    return {
      slug: pf.slug,
      name: pf.name,
      position: view.order.findIndex((o) => o.slug === pf.slug),
      full,
      lists,
      annotations: Object.fromEntries(
        Object.entries(pf.annotations).filter(([k]) => shownKeys.has(k)),
      ),
      milestonesByStatus: pf.milestonesByStatus,
      byPhase: pf.byPhase,
      burden: pf.burden,
      pra: pf.pra,
      // The newest changes since the last published update (the update keeps up to 20).
      changes: {
        items: (full ? pf.changes : pf.changes.slice(0, SHOWN.changes)).map((c) => ({
          id: c.id,
          at: c.at,
          when: formatDateTime(c.at, user.timeZone),
          sentence: changeSentence(c),
        })),
        kept: pf.changes.length,
        total: pf.changesSinceLast,
      },
      highlightsHtml: view.highlightsHtml[pf.slug] ?? null,
      ownUrl: previewUrl(view.id, { page: 1, portfolio: pf.slug }),
    };
  });
  const excludedItems = view.all
    .flatMap((pf) => [...pf.milestones, ...pf.decisions, ...pf.pending, ...pf.risks])
    .filter((i) => excluded.has(i.key))
    .map((i) => ({ key: i.key, text: i.text }));
  return {
    view: {
      id: view.id,
      fiscalYear: view.fiscalYear,
      quarter: view.quarter,
      status: view.status,
      publishedAt: view.publishedAt,
      version: view.version,
      start: view.start,
      end: view.end,
      previous: view.previous
        ? {
            label: `FY ${view.previous.fiscalYear} Q${view.previous.quarter}`,
            publishedAt: view.previous.publishedAt,
          }
        : null,
      programHighlightsHtml: view.highlightsHtml.program ?? null,
      programReducedHours: view.programReducedHours,
      portfolioCount: view.order.length,
      page: view.page,
      pages: view.pages,
      perPage: PORTFOLIOS_PER_PAGE,
    },
    portfolios,
    excludedItems,
    published,
    focused: p.portfolio !== undefined,
    overviewUrl: previewUrl(view.id, { page: 1 }),
    pageUrls: Array.from({ length: view.pages }, (_, i) => previewUrl(view.id, { page: i + 1 })),
    mayManage: can(user, 'pmc.manage') && view.status === 'draft',
  };
}

const Key = z.string().regex(/^[mdgr]\d{1,12}$/, 'Unknown item.');
const Slug = z.string().regex(/^[a-z0-9-]{1,80}$/, 'Unknown portfolio.');

export async function action({ request, params, context }: Route.ActionArgs) {
  const p = previewParams(request);
  const { user, view } = await loadUpdateView({ request, context }, params.updateId, { page: 1 });
  if (!view) notFound();
  authorize(user, 'pmc.manage');
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  // Back to the page of the preview the change was made on.
  const back = previewUrl(view.id, p);
  const apply = (change: Parameters<typeof changeUpdate>[1]['change'], version: number) =>
    changeUpdate(dbOf(context), { id: view.id, version, actorId: user.personId, change });
  switch (intent) {
    case 'exclude':
    case 'include':
      return submitEdit(
        formData,
        intent,
        z.object({ key: Key, version: VersionField }),
        (v) => apply({ kind: 'exclude', key: v.key, excluded: intent === 'exclude' }, v.version),
        back,
      );
    case 'annotate':
      return submitEdit(
        formData,
        intent,
        z.object({
          key: Key,
          text: z.string().trim().max(1000, 'Keep a note under 1,000 characters.'),
          version: VersionField,
        }),
        (v) => apply({ kind: 'annotate', key: v.key, text: v.text }, v.version),
        back,
      );
    case 'order':
      return submitEdit(
        formData,
        intent,
        z.object({
          slug: Slug,
          direction: z.enum(['up', 'down']),
          version: VersionField,
        }),
        (v) =>
          apply(
            {
              kind: 'order',
              order: reorder(
                view.order.map((o) => o.slug),
                view.order.map((o) => o.slug),
                v.slug,
                v.direction,
              ),
            },
            v.version,
          ),
        back,
      );
    case 'move_item': {
      // A milestone one place up or down among its portfolio's milestones, as listed now.
      const slug = Slug.safeParse(formData.get('slug'));
      const focused = slug.success
        ? (await loadUpdateView({ request, context }, params.updateId, { slug: slug.data })).view
        : null;
      const keys = focused?.portfolios[0]?.milestones.map((m) => m.key) ?? [];
      return submitEdit(
        formData,
        intent,
        z.object({
          slug: Slug,
          key: z
            .string()
            .refine((k) => keys.includes(k), 'Choose a milestone listed in this portfolio.'),
          direction: z.enum(['up', 'down'], { error: 'Choose up or down.' }),
          version: VersionField,
        }),
        (v) =>
          apply(
            { kind: 'item_order', slug: v.slug, order: reorder(keys, keys, v.key, v.direction) },
            v.version,
          ),
        back,
      );
    }
    case 'publish':
      return submitEdit(
        formData,
        intent,
        z.object({ version: VersionField }),
        (v) =>
          publishUpdate(dbOf(context), { id: view.id, version: v.version, actorId: user.personId }),
        back,
      );
    default:
      return data(
        {
          intent,
          result: { status: 'error' as const, error: { '': ['Unknown action.'] } },
          stale: null,
        },
        { status: 400 },
      );
  }
}

export default function PmcUpdate({ loaderData, actionData }: Route.ComponentProps) {
  const { view, portfolios, excludedItems, published, pageUrls, mayManage, focused, overviewUrl } =
    loaderData;
  // Items are left out and annotated on a portfolio's own view, where every item is listed.
  const editItems = mayManage && focused;
  // On its own view the portfolio is the page's only section, right under the title.
  const PortfolioHeading = focused ? 'h2' : 'h3';
  const ListHeading = focused ? 'h3' : 'h4';
  const version = actionData?.stale?.version ?? view.version;
  const errors = actionData?.result.error ? Object.values(actionData.result.error).flat() : [];
  // A note that was not saved: its message goes next to that item's note field too.
  const noteErrors = (key: string) => {
    const r = actionData?.intent === 'annotate' ? actionData.result : undefined;
    if (!r || !('initialValue' in r) || r.initialValue?.key !== key) return undefined;
    return r.error?.text ?? undefined;
  };
  const noteForm = (key: string, text: string, note: string | undefined, className: string) => {
    const errs = noteErrors(key);
    return (
      <Form method="post" className={className}>
        <IntentFields intent="annotate" version={version} extra={{ key }} />
        <FieldError id={`note-${key}-error`} errors={errs} />
        <div className="display-flex" style={{ gap: '0.25rem' }}>
          <label className="usa-sr-only" htmlFor={`note-${key}`}>
            Note on {text}
          </label>
          <input
            className={`usa-input margin-top-0 height-4${errs?.length ? ' usa-input--error' : ''}`}
            id={`note-${key}`}
            name="text"
            maxLength={1000}
            defaultValue={note ?? ''}
            placeholder="Note"
            aria-describedby={errs?.length ? `note-${key}-error` : undefined}
          />
          <button type="submit" className="usa-button usa-button--outline usa-button--small">
            Save note<span className="usa-sr-only"> on {text}</span>
          </button>
        </div>
      </Form>
    );
  };
  const statuses = ['completed', 'in_progress', 'planned', 'missed'] as const;
  // What "New" and "Changed" beside a milestone are counted from (domain/pmc/quarter freshness).
  const newSince = view.previous
    ? `since ${view.previous.label} was published`
    : `in FY ${view.fiscalYear} Q${view.quarter} (no earlier update is published)`;
  const colors = {
    completed: '#216e1f',
    in_progress: '#005ea2',
    planned: '#71767a',
    missed: '#b50909',
  };
  const phaseColors = ['#73b3e7', '#2378c3', '#1a4480', '#162e51'];
  const more = (
    list: { items: unknown[]; total: number },
    what: string,
    p: (typeof portfolios)[number],
  ) =>
    list.total > list.items.length ? (
      <p>
        <Link to={p.ownUrl}>
          Show all {list.total} {what}
          <span className="usa-sr-only"> of {p.name}</span>
        </Link>
      </p>
    ) : null;
  const itemList = (
    title: string,
    list: { items: { key: string; text: string; detail: string }[]; total: number },
    p: (typeof portfolios)[number],
  ) =>
    list.total === 0 ? null : (
      <>
        <ListHeading>
          {title} ({list.total})
        </ListHeading>
        <ul className="usa-list">
          {list.items.map((i) => (
            <li key={i.key}>
              {i.text}
              {i.detail ? <span className="text-base-dark"> ({i.detail})</span> : null}
              {p.annotations[i.key] ? (
                <div className="font-body-xs">Note: {p.annotations[i.key]}</div>
              ) : null}
              {editItems ? (
                <div className="display-flex flex-wrap" style={{ gap: '0.5rem' }}>
                  <Form method="post">
                    <IntentFields intent="exclude" version={version} extra={{ key: i.key }} />
                    <button type="submit" className="usa-button usa-button--unstyled">
                      Leave out<span className="usa-sr-only">: {i.text}</span>
                    </button>
                  </Form>
                  {noteForm(i.key, i.text, p.annotations[i.key], '')}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        {more(list, title.toLowerCase(), p)}
      </>
    );
  const since = view.previous
    ? `since ${view.previous.label} was published (${formatDate(view.previous.publishedAt)})`
    : 'since the workspace began (no earlier update is published)';
  const changeList = (p: (typeof portfolios)[number]) =>
    p.changes.total === 0 ? (
      <p>No changes {since}.</p>
    ) : (
      <>
        <ListHeading>
          Changes {since} ({p.changes.total})
        </ListHeading>
        <ul className="usa-list">
          {p.changes.items.map((c) => (
            <li key={c.id}>
              <HistoryTime at={c.at} when={c.when} />: <HistorySentence line={c.sentence} />
            </li>
          ))}
        </ul>
        {p.changes.total > p.changes.items.length ? (
          <p>
            …and {p.changes.total - p.changes.items.length} more.
            {p.changes.kept > p.changes.items.length ? (
              <>
                {' '}
                <Link to={p.ownUrl}>
                  See{' '}
                  {p.changes.kept === p.changes.total
                    ? `all ${p.changes.total}`
                    : `the newest ${p.changes.kept}`}{' '}
                  changes<span className="usa-sr-only"> to {p.name}</span>
                </Link>
              </>
            ) : null}
          </p>
        ) : null}
      </>
    );
  const pager = <PageNumbers label="Pages of portfolios" hrefs={pageUrls} current={view.page} />;
  return (
    <>
      <nav aria-label="Breadcrumbs" className="usa-breadcrumb padding-top-2">
        <ol className="usa-breadcrumb__list">
          <li className="usa-breadcrumb__list-item">
            <Link to="/pmc" className="usa-breadcrumb__link">
              <span>PMC updates</span>
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
            <span>
              FY {view.fiscalYear} Q{view.quarter}
            </span>
          </li>
        </ol>
      </nav>
      <h1 className="margin-bottom-1">
        PMC update, FY {view.fiscalYear} Q{view.quarter}
      </h1>
      <p className="margin-top-0" data-testid="update-status">
        {view.status === 'published'
          ? `Published ${view.publishedAt ? formatDate(view.publishedAt) : ''}: frozen, later changes do not alter it.`
          : `Draft, assembled live from the workspace (${formatDate(view.start)} to ${formatDate(view.end)}).`}
      </p>
      <FormErrors id="update-errors" errors={errors} />
      <p>
        Download:{' '}
        <a href={`/pmc/${view.id}/export.docx`} download>
          Word (.docx)
        </a>{' '}
        · <a href={`/pmc/${view.id}/export.html`}>Print-friendly HTML</a> ·{' '}
        <a href={`/pmc/${view.id}/update.json`}>JSON</a>
      </p>
      {focused ? (
        <p>
          <Link to={overviewUrl}>Back to the whole update</Link>
        </p>
      ) : (
        <>
          {mayManage ? (
            <Form method="post" className="margin-y-2">
              <IntentFields intent="publish" version={version} />
              <button type="submit" className="usa-button">
                Publish this update
              </button>
            </Form>
          ) : null}

          <h2>Highlights</h2>
          <div
            className="usa-prose"
            dangerouslySetInnerHTML={{
              __html: view.programHighlightsHtml ?? '<p>No program highlights written yet.</p>',
            }}
          />
          {mayManage ? (
            <p>
              <Link to={`/pmc/${view.id}/highlights/program`}>Write the program highlights</Link>
            </p>
          ) : null}

          {view.pages > 1 ? (
            <p>
              Portfolios {(view.page - 1) * view.perPage + 1} to{' '}
              {Math.min(view.page * view.perPage, view.portfolioCount)} of {view.portfolioCount};
              the charts show the portfolios on this page.
            </p>
          ) : null}
          {pager}
          <BarChart
            title="Milestones by status"
            description="Milestones of each portfolio by status."
            series={statuses.map((s) => ({ name: MILESTONE_STATUS_LABELS[s], color: colors[s] }))}
            rows={portfolios.map((p) => ({
              label: p.name,
              values: statuses.map((s) => p.milestonesByStatus[s] ?? 0),
            }))}
            format={(x) => String(x)}
            unit="milestones"
          />
          <BarChart
            title="Projects by phase"
            description="Projects of each portfolio by phase."
            series={PHASES.map((ph, i) => ({ name: PHASE_LABELS[ph], color: phaseColors[i]! }))}
            rows={portfolios.map((p) => ({
              label: p.name,
              values: PHASES.map((ph) => p.byPhase[ph]),
            }))}
            format={(x) => String(x)}
            unit="projects"
          />
          <BarChart
            title="Burden reduced so far, quarter by quarter"
            description="Hours a year of burden reduced by planned redesigns across the program, at each published update and now."
            series={[{ name: 'Hours reduced', color: '#005ea2' }]}
            rows={[
              ...published.map((u) => ({ label: u.label, values: [u.hours] })),
              {
                label: `FY ${view.fiscalYear} Q${view.quarter}`,
                values: [view.programReducedHours],
              },
            ]}
            format={(x) => ONE_DECIMAL.format(x)}
            unit="hours a year"
          />
        </>
      )}
      {portfolios.map((p) => (
        <section
          key={p.slug}
          aria-labelledby={`pf-${p.slug}`}
          className="border-top border-base-lighter margin-top-4"
        >
          <PortfolioHeading id={`pf-${p.slug}`}>{p.name}</PortfolioHeading>
          {mayManage && !focused ? (
            <div className="display-flex" style={{ gap: '0.5rem' }}>
              {p.position > 0 ? (
                <Form method="post">
                  <IntentFields
                    intent="order"
                    version={version}
                    extra={{ slug: p.slug, direction: 'up' }}
                  />
                  <button
                    type="submit"
                    className="usa-button usa-button--outline usa-button--small"
                  >
                    Move up<span className="usa-sr-only"> {p.name}</span>
                  </button>
                </Form>
              ) : null}
              {p.position < view.portfolioCount - 1 ? (
                <Form method="post">
                  <IntentFields
                    intent="order"
                    version={version}
                    extra={{ slug: p.slug, direction: 'down' }}
                  />
                  <button
                    type="submit"
                    className="usa-button usa-button--outline usa-button--small"
                  >
                    Move down<span className="usa-sr-only"> {p.name}</span>
                  </button>
                </Form>
              ) : null}
              <Link
                className="usa-button usa-button--outline usa-button--small"
                to={`/pmc/${view.id}/highlights/${p.slug}`}
              >
                Write highlights<span className="usa-sr-only"> for {p.name}</span>
              </Link>
            </div>
          ) : null}
          {p.highlightsHtml ? (
            <div className="usa-prose" dangerouslySetInnerHTML={{ __html: p.highlightsHtml }} />
          ) : null}
          <p>
            Burden reduced so far: {p.burden.reducedHours} hours and {p.burden.reducedCost} a year.
            Research: {pluralize(p.pra.activities ?? 0, 'activity', 'activities')}
            {p.pra.needs_clearance ? `, ${p.pra.needs_clearance} needing a clearance` : ''}.
          </p>
          {changeList(p)}
          {focused ? null : (
            <p>
              <Link to={p.ownUrl}>
                {mayManage ? 'Review, leave out or annotate' : 'See'} every item
                <span className="usa-sr-only"> of {p.name}</span>
              </Link>
            </p>
          )}
          {itemList('Phase decisions this quarter', p.lists.decisions, p)}
          {itemList('Phase gates pending', p.lists.pending, p)}
          {itemList('Projects at risk or off track', p.lists.risks, p)}
          {p.lists.milestones.total > 0 ? (
            <>
              <Table label={`Milestones of ${p.name} this quarter`}>
                <caption>Milestones of {p.name} this quarter</caption>
                <thead>
                  <tr>
                    <th scope="col">Milestone</th>
                    <th scope="col">Status</th>
                    <th scope="col">Timing</th>
                    <th scope="col">Owner</th>
                    {editItems ? <th scope="col">Order, leave out or annotate</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {p.lists.milestones.items.map((m, i, shown) => (
                    <Fragment key={m.key}>
                      <tr>
                        <th scope="row">
                          {m.title}
                          {p.annotations[m.key] ? (
                            <div className="font-body-xs text-normal">
                              Note: {p.annotations[m.key]}
                            </div>
                          ) : null}
                        </th>
                        <td>
                          {MILESTONE_STATUS_LABELS[m.status as 'completed']}
                          {m.fresh ? (
                            <div className="text-bold font-body-2xs">
                              <time dateTime={m.fresh.at}>{freshnessText(m.fresh)}</time>
                            </div>
                          ) : null}
                        </td>
                        <td>{m.timing}</td>
                        <td>{m.owner}</td>
                        {editItems ? (
                          <td>
                            <div className="display-flex flex-wrap" style={{ gap: '0.5rem' }}>
                              {(['up', 'down'] as const)
                                .filter((d) => (d === 'up' ? i > 0 : i < shown.length - 1))
                                .map((d) => (
                                  <Form method="post" key={d}>
                                    <IntentFields
                                      intent="move_item"
                                      version={version}
                                      extra={{ slug: p.slug, key: m.key, direction: d }}
                                    />
                                    <button
                                      type="submit"
                                      className="usa-button usa-button--outline usa-button--small"
                                    >
                                      Move {d}
                                      <span className="usa-sr-only">: {m.title}</span>
                                    </button>
                                  </Form>
                                ))}
                              <Form method="post">
                                <IntentFields
                                  intent="exclude"
                                  version={version}
                                  extra={{ key: m.key }}
                                />
                                <button type="submit" className="usa-button usa-button--unstyled">
                                  Leave out<span className="usa-sr-only">: {m.title}</span>
                                </button>
                              </Form>
                            </div>
                            {noteForm(m.key, m.title, p.annotations[m.key], 'margin-top-1')}
                          </td>
                        ) : null}
                      </tr>
                    </Fragment>
                  ))}
                </tbody>
              </Table>
              {p.lists.milestones.items.some((m) => m.fresh) ? (
                <p className="font-body-2xs">
                  New: created {newSince}. Changed: changed {newSince}.
                </p>
              ) : null}
              {more(p.lists.milestones, 'milestones this quarter', p)}
            </>
          ) : (
            <p>No milestones this quarter.</p>
          )}
        </section>
      ))}
      {focused ? null : pager}

      {mayManage && excludedItems.length > 0 ? (
        <section aria-labelledby="left-out">
          <h2 id="left-out">Left out of this update</h2>
          <ul className="usa-list">
            {excludedItems.map((i) => (
              <li key={i.key}>
                {i.text}{' '}
                <Form method="post" className="display-inline">
                  <IntentFields intent="include" version={version} extra={{ key: i.key }} />
                  <button type="submit" className="usa-button usa-button--unstyled">
                    Put back<span className="usa-sr-only">: {i.text}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
