import { Fragment } from 'react';
import { data, Form, Link } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/update';
import { authorize } from '~/auth/authorize.server';
import { BarChart } from '~/components/charts/bar-chart';
import { Alert } from '~/components/ui/alert';
import { reorder } from '~/domain/pmc/compose';
import { MILESTONE_STATUS_LABELS, PHASE_LABELS, PHASES } from '~/domain/portfolio/labels';
import { can } from '~/domain/policy';
import { submitEdit } from '~/errors.server';
import { loadUpdateView } from '~/pmc.server';
import { VersionField } from '~/schemas/common';
import { getDb } from '#db/client';
import { changeUpdate, listUpdates, publishUpdate } from '#db/queries/pmc';

export const meta: Route.MetaFunction = ({ data }) => [
  {
    title: `PMC update FY ${data?.view.fiscalYear ?? ''} Q${data?.view.quarter ?? ''} | Life Experience Workspace`,
  },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, view } = await loadUpdateView(request, params.updateId);
  // Burden reduced quarter by quarter: each published update's figure, then this one's.
  const published = (await listUpdates(getDb()))
    .filter((u) => u.status === 'published' && u.id !== view.id)
    .reverse();
  return { view, published, mayManage: can(user, 'pmc.manage') && view.status === 'draft' };
}

const Key = z.string().regex(/^[mdgr]\d{1,12}$/, 'Unknown item.');

export async function action({ request, params }: Route.ActionArgs) {
  const { user, view } = await loadUpdateView(request, params.updateId);
  authorize(user, 'pmc.manage');
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  const back = `/pmc/${view.id}`;
  const apply = (change: Parameters<typeof changeUpdate>[1]['change'], version: number) =>
    changeUpdate(getDb(), { id: view.id, version, actorId: user.personId, change });
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
          slug: z.string().regex(/^[a-z0-9-]{1,80}$/),
          direction: z.enum(['up', 'down']),
          version: VersionField,
        }),
        (v) =>
          apply(
            {
              kind: 'order',
              order: reorder(
                view.all.map((p) => p.slug),
                view.portfolios.map((p) => p.slug),
                v.slug,
                v.direction,
              ),
            },
            v.version,
          ),
        back,
      );
    case 'publish':
      return submitEdit(
        formData,
        intent,
        z.object({ version: VersionField }),
        (v) => publishUpdate(getDb(), { id: view.id, version: v.version, actorId: user.personId }),
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

function Hidden({
  intent,
  version,
  extra = {},
}: {
  intent: string;
  version: number;
  extra?: Record<string, string>;
}) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      {Object.entries(extra).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
    </>
  );
}

export default function PmcUpdate({ loaderData, actionData }: Route.ComponentProps) {
  const { view, published, mayManage } = loaderData;
  const version = actionData?.stale?.version ?? view.version;
  const errors = actionData?.result.error ? Object.values(actionData.result.error).flat() : [];
  const statuses = ['completed', 'in_progress', 'planned', 'missed'] as const;
  const colors = {
    completed: '#216e1f',
    in_progress: '#005ea2',
    planned: '#71767a',
    missed: '#b50909',
  };
  const phaseColors = ['#73b3e7', '#2378c3', '#1a4480', '#162e51'];
  const excludedItems = view.all
    .flatMap((p) => [...p.milestones, ...p.decisions, ...p.pending, ...p.risks])
    .filter((i) => view.excluded.includes(i.key));
  const itemList = (
    title: string,
    items: { key: string; text: string; detail: string }[],
    annotations: Record<string, string>,
  ) =>
    items.length === 0 ? null : (
      <>
        <h4>{title}</h4>
        <ul className="usa-list">
          {items.map((i) => (
            <li key={i.key}>
              {i.text}
              {i.detail ? <span className="text-base-dark"> ({i.detail})</span> : null}
              {annotations[i.key] ? (
                <div className="font-body-xs">Note: {annotations[i.key]}</div>
              ) : null}
              {mayManage ? (
                <div className="display-flex flex-wrap" style={{ gap: '0.5rem' }}>
                  <Form method="post">
                    <Hidden intent="exclude" version={version} extra={{ key: i.key }} />
                    <button type="submit" className="usa-button usa-button--unstyled">
                      Leave out<span className="usa-sr-only">: {i.text}</span>
                    </button>
                  </Form>
                  <Form method="post" className="display-flex" style={{ gap: '0.25rem' }}>
                    <Hidden intent="annotate" version={version} extra={{ key: i.key }} />
                    <label className="usa-sr-only" htmlFor={`note-${i.key}`}>
                      Note on {i.text}
                    </label>
                    <input
                      className="usa-input margin-top-0 height-4"
                      id={`note-${i.key}`}
                      name="text"
                      defaultValue={annotations[i.key] ?? ''}
                      placeholder="Note"
                    />
                    <button
                      type="submit"
                      className="usa-button usa-button--outline usa-button--small"
                    >
                      Save note<span className="usa-sr-only"> on {i.text}</span>
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </>
    );
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
          ? `Published ${view.publishedAt?.slice(0, 10)}: frozen, later changes do not alter it.`
          : `Draft, assembled live from the workspace (${view.start} to ${view.end}).`}
      </p>
      {errors.length ? (
        <Alert type="error" heading="Not saved">
          {errors.join(' ')}
        </Alert>
      ) : null}
      <p>
        Download:{' '}
        <a href={`/pmc/${view.id}/export.docx`} download>
          Word (.docx)
        </a>{' '}
        · <a href={`/pmc/${view.id}/export.html`}>Print-friendly HTML</a> ·{' '}
        <a href={`/pmc/${view.id}/update.json`}>JSON</a>
      </p>
      {mayManage ? (
        <Form method="post" className="margin-y-2">
          <Hidden intent="publish" version={version} />
          <button type="submit" className="usa-button">
            Publish this update
          </button>
        </Form>
      ) : null}

      <h2>Highlights</h2>
      <div
        className="usa-prose"
        dangerouslySetInnerHTML={{
          __html: view.highlightsHtml.program ?? '<p>No program highlights written yet.</p>',
        }}
      />
      {mayManage ? (
        <p>
          <Link to={`/pmc/${view.id}/highlights/program`}>Write the program highlights</Link>
        </p>
      ) : null}

      <BarChart
        title="Milestones by status"
        description="Milestones of each portfolio by status."
        series={statuses.map((s) => ({ name: MILESTONE_STATUS_LABELS[s], color: colors[s] }))}
        rows={view.portfolios.map((p) => ({
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
        rows={view.portfolios.map((p) => ({
          label: p.name,
          values: PHASES.map((ph) => p.byPhase[ph]),
        }))}
        format={(x) => String(x)}
        unit="projects"
      />
      <BarChart
        title="Burden reduced so far, quarter by quarter"
        description="Hours a year of burden reduced by planned redesigns, at each published update and now."
        series={[{ name: 'Hours reduced', color: '#005ea2' }]}
        rows={[
          ...published.map((u) => ({
            label: `FY ${u.fiscal_year} Q${u.quarter}`,
            values: [u.reducedHours],
          })),
          {
            label: `FY ${view.fiscalYear} Q${view.quarter}`,
            values: [view.portfolios.reduce((s, p) => s + p.burden.reducedHoursNumber, 0)],
          },
        ]}
        format={(x) => x.toLocaleString('en-US', { maximumFractionDigits: 1 })}
        unit="hours a year"
      />

      {view.portfolios.map((p, index) => (
        <section
          key={p.slug}
          aria-labelledby={`pf-${p.slug}`}
          className="border-top border-base-lighter margin-top-4"
        >
          <h3 id={`pf-${p.slug}`}>{p.name}</h3>
          {mayManage ? (
            <div className="display-flex" style={{ gap: '0.5rem' }}>
              {index > 0 ? (
                <Form method="post">
                  <Hidden
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
              {index < view.portfolios.length - 1 ? (
                <Form method="post">
                  <Hidden
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
          {view.highlightsHtml[p.slug] ? (
            <div
              className="usa-prose"
              dangerouslySetInnerHTML={{ __html: view.highlightsHtml[p.slug]! }}
            />
          ) : null}
          <p>
            Burden reduced so far: {p.burden.reducedHours} hours and {p.burden.reducedCost} a year.
            Research: {p.pra.activities ?? 0} activities
            {p.pra.needs_clearance ? `, ${p.pra.needs_clearance} needing a clearance` : ''}. Changes
            since the last published update: {p.changesSinceLast}.
          </p>
          {itemList('Phase decisions this quarter', p.decisions, p.annotations)}
          {itemList('Phase gates pending', p.pending, p.annotations)}
          {itemList('Projects at risk or off track', p.risks, p.annotations)}
          {p.milestones.length > 0 ? (
            <table className="usa-table usa-table--borderless">
              <caption>Milestones of {p.name} this quarter</caption>
              <thead>
                <tr>
                  <th scope="col">Milestone</th>
                  <th scope="col">Status</th>
                  <th scope="col">Timing</th>
                  <th scope="col">Owner</th>
                </tr>
              </thead>
              <tbody>
                {p.milestones.map((m) => (
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
                        {m.buckets.includes('new') ? ' (new)' : ''}
                      </td>
                      <td>{m.timing}</td>
                      <td>
                        {m.owner}
                        {mayManage ? (
                          <Form method="post">
                            <Hidden intent="exclude" version={version} extra={{ key: m.key }} />
                            <button type="submit" className="usa-button usa-button--unstyled">
                              Leave out<span className="usa-sr-only">: {m.title}</span>
                            </button>
                          </Form>
                        ) : null}
                      </td>
                    </tr>
                  </Fragment>
                ))}
              </tbody>
            </table>
          ) : (
            <p>No milestones this quarter.</p>
          )}
        </section>
      ))}

      {mayManage && excludedItems.length > 0 ? (
        <section aria-labelledby="left-out">
          <h2 id="left-out">Left out of this update</h2>
          <ul className="usa-list">
            {excludedItems.map((i) => (
              <li key={i.key}>
                {i.text}{' '}
                <Form method="post" className="display-inline">
                  <Hidden intent="include" version={version} extra={{ key: i.key }} />
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
