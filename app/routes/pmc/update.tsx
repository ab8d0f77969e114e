import { type ShouldRevalidateFunctionArgs } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/update';
import { LeftOut, UpdateOverview, UpdatePager } from '~/components/pmc/update-overview';
import { PortfolioSection } from '~/components/pmc/update-portfolio';
import { Standing } from '~/components/pmc/update-standing';
import { FormErrors } from '~/components/ui/form';
import { ServerMarkup } from '~/components/ui/server-markup';
import { Presence, statusText } from '~/components/editor/connection';
import { LiveNotesContext, useLiveNotes } from '~/components/pmc/notes-context';
import { reorder } from '~/domain/pmc/compose';
import { can } from '~/domain/policy';
import {
  changesSince,
  freshSince,
  previewUrl,
  publishedHours,
  updateStatusText,
} from '~/presenters/pmc';
import { previewPage } from '~/render/pmc/preview.server';
import { liveUpdateDocument, loadUpdateView } from '~/routes/pmc/view.server';
import { PmcPreviewParams, PmcUpdateActionSchema } from '~/schemas/pmc';
import { listUpdates } from '#db/queries/pmc';
import { changeUpdate, saveNote } from '~/commands/pmc';
import { RefusedError } from '#db/errors';
import { dbOf, serverMarkup } from '~/web/context.server';
import { authorize, dispatch, notFound } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = ({ data }) => [
  {
    title: `PMC update ${data?.view.name ?? ''}${data && data.view.pages > 1 ? `, page ${data.view.page}` : ''} | Life Experience Workspace`,
  },
];

function previewParams(request: Request) {
  const parsed = PmcPreviewParams.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) notFound('That page of the update does not exist.');
  return parsed.data;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const p = previewParams(request);
  const { user, view } = await loadUpdateView(
    { request, context },
    params.updateId,
    p.portfolio ? { slug: p.portfolio } : { page: p.page },
  );
  if (!view) notFound('That page of the update does not exist.');
  const manager = can(user, 'pmc.manage');
  const { markup, ...preview } = previewPage(view, {
    place: p,
    // Burden reduced quarter by quarter: each published update's figure, then this one's.
    published: publishedHours(await listUpdates(dbOf(context)), view.id),
    timeZone: user.timeZone,
    manager,
  });
  return {
    ...preview,
    markup: markup && {
      charts: serverMarkup(context, markup.charts),
      sections: serverMarkup(context, markup.sections),
    },
    // A draft's notes are written live on a portfolio's own view, where every item has its field.
    liveNotes:
      manager && p.portfolio && view.status === 'draft' ? liveUpdateDocument(view, user) : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const p = previewParams(request);
  const args = { request, context };
  const { user, view } = await loadUpdateView(args, params.updateId, { page: 1 });
  if (!view) notFound();
  authorize(user, 'pmc.manage');
  // Back to the page of the preview the change was made on.
  const back = previewUrl(view.id, p);
  const db = dbOf(context);
  const apply = async (change: Parameters<typeof changeUpdate>[1]['change'], version: number) => {
    await changeUpdate(db, { id: view.id, version, actorId: user.personId, change });
    return back;
  };
  const slugs = view.order.map((o) => o.slug);
  return dispatch(await request.formData(), PmcUpdateActionSchema, {
    exclude: (v) => apply({ kind: 'exclude', key: v.key, excluded: true }, v.version),
    include: (v) => apply({ kind: 'exclude', key: v.key, excluded: false }, v.version),
    annotate: async (v) => {
      const saved = await saveNote(db, {
        id: view.id,
        key: v.key,
        base: v.base,
        text: v.text,
        actorId: user.personId,
      });
      if (!saved.saved)
        throw new RefusedError(
          'conflict',
          saved.theirs
            ? `Someone changed this note since you opened the page. It now reads: “${saved.theirs}”. Your text is still in the box: combine them, then save again.`
            : 'Someone removed this note since you opened the page. Your text is still in the box: save again to keep it.',
          'text',
        );
      return back;
    },
    order: (v) =>
      apply({ kind: 'order', order: reorder(slugs, slugs, v.slug, v.direction) }, v.version),
    move_item: async (v) => {
      // A milestone one place up or down among its portfolio's milestones, as listed now.
      const focused = (await loadUpdateView(args, params.updateId, { slug: v.slug })).view;
      const keys = focused?.portfolios[0]?.milestones.map((m) => m.key) ?? [];
      if (!keys.includes(v.key))
        throw new RefusedError('invalid', 'Choose a milestone listed in this portfolio.', 'key');
      const order = reorder(keys, keys, v.key, v.direction);
      return apply({ kind: 'item_order', slug: v.slug, order }, v.version);
    },
  });
}

export default function PmcUpdate({ loaderData, actionData }: Route.ComponentProps) {
  const { view, portfolios, excludedItems, pageUrls, mayManage, focused, overviewUrl, markup } =
    loaderData;
  const notes = useLiveNotes(loaderData.liveNotes);
  const version = actionData?.stale?.version ?? view.version;
  const errors = actionData?.result.error ? Object.values(actionData.result.error).flat() : [];
  const since = changesSince(view.previous);
  const newSince = freshSince(view.previous, view.fiscalYear, view.quarter);
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
            <span>{view.name}</span>
          </li>
        </ol>
      </nav>
      <h1 className="margin-bottom-1">PMC update, {view.name}</h1>
      <p className="margin-top-0" data-testid="update-status">
        {updateStatusText(view)}
      </p>
      <Standing
        view={view}
        mayWithdraw={loaderData.mayWithdraw}
        mayCorrect={loaderData.mayCorrect}
      />
      <FormErrors id="update-errors" errors={errors} />
      <p>
        Download:{' '}
        <a href={`/pmc/${view.id}/export.docx`} download>
          Word (.docx)
        </a>{' '}
        ·{' '}
        <a href={`/pmc/${view.id}/export.pptx`} download>
          Slides (.pptx)
        </a>{' '}
        · <a href={`/pmc/${view.id}/export.html`}>Print-friendly HTML</a> ·{' '}
        <a href={`/pmc/${view.id}/update.json`}>JSON</a>
      </p>
      {markup ? (
        <UpdateOverview
          view={view}
          charts={markup.charts}
          pageUrls={pageUrls}
          mayManage={mayManage}
        />
      ) : (
        <p>
          <Link to={overviewUrl}>Back to the whole update</Link>
        </p>
      )}
      {notes.state ? (
        <div className="bg-base-lightest padding-x-2 padding-y-1 margin-y-2">
          <p className="margin-y-1" role="status" aria-live="polite" data-testid="notes-status">
            Notes are written together and saved as you type. {statusText(notes.state)}
          </p>
          <Presence people={notes.state.people} me={notes.clientId} />
        </div>
      ) : null}
      {/* The overview's sections are markup made on the server (render/pmc/preview.server.tsx). */}
      {markup ? <ServerMarkup markup={markup.sections} /> : null}
      <LiveNotesContext.Provider value={notes.live}>
        {portfolios.map((p) => (
          <PortfolioSection
            key={p.slug}
            p={p}
            updateId={view.id}
            pageUrl={p.ownUrl}
            portfolioCount={view.portfolioCount}
            version={version}
            focused={focused}
            mayManage={mayManage}
            since={since}
            newSince={newSince}
            reply={actionData}
          />
        ))}
      </LiveNotesContext.Provider>
      {focused ? null : <UpdatePager hrefs={pageUrls} current={view.page} />}
      {mayManage && excludedItems.length > 0 ? (
        <LeftOut items={excludedItems} version={version} />
      ) : null}
    </>
  );
}

// A refused change (a publish the words changed under, a stale form) reloads what the page shows,
// so the person reads the update as it now is before trying again.
export function shouldRevalidate({
  defaultShouldRevalidate,
  actionStatus,
}: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 || defaultShouldRevalidate;
}
