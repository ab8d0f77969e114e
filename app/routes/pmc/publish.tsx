/**
 * Publishing a PMC update is a decision: this page shows exactly what will be frozen (every item
 * of every portfolio, the highlights and notes), the warnings (app/domain/pmc/publish.ts), and
 * asks to confirm. Only then is the update frozen (app/commands/pmc.ts, publishUpdate).
 */
import { Form, useActionData, type ShouldRevalidateFunctionArgs } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/publish';
import { Alert } from '~/components/ui/alert';
import { FormErrors } from '~/components/ui/form';
import { PortfolioSection } from '~/components/pmc/update-portfolio';
import { publishWarnings } from '~/domain/pmc/publish';
import { sanitizeDoc } from '~/domain/plans/document';
import { toMarkdown } from '~/domain/plans/markdown';
import {
  changesSince,
  freshSince,
  publishedHours,
  quarterLabel,
  updatePreview,
} from '~/presenters/pmc';
import { loadWholeUpdate } from '~/routes/pmc/view.server';
import { PmcPublishSchema } from '~/schemas/pmc';
import { listUpdates } from '#db/queries/pmc';
import { publishUpdate } from '~/commands/pmc';
import { dbOf, type RequestArgs } from '~/web/context.server';
import { authorize, notFound, submitEdit } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = ({ data }) => [
  {
    title: `Publish PMC update ${data?.view.name ?? ''} | Life Experience Workspace`,
  },
];

/** Highlights with some text in them (an emptied editor leaves an empty paragraph). */
const written = (doc: unknown) => doc !== undefined && toMarkdown(sanitizeDoc(doc)).trim() !== '';

async function load(args: RequestArgs, idParam: string | undefined) {
  const { user, view } = await loadWholeUpdate(args, idParam);
  authorize(user, 'pmc.manage');
  if (view.status !== 'draft') notFound('This update is already published.');
  return { user, view };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, view } = await load({ request, context }, params.updateId);
  const preview = updatePreview(view, {
    place: { page: 1, everything: true },
    published: publishedHours(await listUpdates(dbOf(context)), view.id),
    timeZone: user.timeZone,
    manager: false,
  });
  const warnings = publishWarnings({
    today: new Date().toISOString().slice(0, 10),
    label: quarterLabel(view.fiscalYear, view.quarter),
    end: view.end,
    programHighlights: written(view.highlights.program),
    portfolios: view.portfolios.map((p) => ({
      name: p.name,
      highlights: written(view.highlights[p.slug]),
      milestones: p.milestones,
      annotations: p.annotations,
    })),
  });
  return { ...preview, warnings };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, view } = await load({ request, context }, params.updateId);
  return submitEdit(
    await request.formData(),
    'publish',
    PmcPublishSchema,
    (v) =>
      publishUpdate(dbOf(context), {
        id: view.id,
        version: v.version,
        texts: v.texts,
        actorId: user.personId,
      }),
    `/pmc/${view.id}`,
  );
}

// A refused publish (someone changed the update or its words) shows the update as it now is.
export function shouldRevalidate({
  defaultShouldRevalidate,
  actionStatus,
}: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 || defaultShouldRevalidate;
}

export default function PublishUpdate({ loaderData }: Route.ComponentProps) {
  const { view, portfolios, warnings } = loaderData;
  const reply = useActionData<typeof action>();
  const errors = reply?.result.error ? Object.values(reply.result.error).flat() : [];
  const label = view.name;
  const since = changesSince(view.previous);
  const newSince = freshSince(view.previous, view.fiscalYear, view.quarter);
  const confirm = (
    <Form method="post" className="margin-y-3">
      <input type="hidden" name="version" value={view.version} />
      <input type="hidden" name="texts" value={view.texts} />
      <p>
        Publishing freezes the update as shown here. Later changes in the workspace do not alter it,
        and it cannot be edited afterwards.
      </p>
      <button type="submit" className="usa-button">
        Publish this update
      </button>{' '}
      <Link to={`/pmc/${view.id}`} className="usa-button usa-button--outline">
        Not yet: back to the draft
      </Link>
    </Form>
  );
  return (
    <>
      <FormErrors id="publish-errors" errors={errors} />
      <h1>Publish the PMC update, {label}?</h1>
      {view.lineage.lines.map((line) => (
        <p key={line} className="text-bold">
          {line}
        </p>
      ))}
      {warnings.length > 0 ? (
        <Alert type="warning" heading="Before you publish">
          <ul className="usa-list">
            {warnings.map((w) => (
              <li key={w.kind}>
                {w.text}
                {w.items.length > 0 ? (
                  <ul>
                    {w.items.map((i) => (
                      <li key={i}>{i}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <Alert type="success" heading="Nothing to warn of">
          The quarter has ended, every part has highlights and every missed milestone has a note.
        </Alert>
      )}
      {confirm}
      <h2>What will be published</h2>
      <h3>Highlights</h3>
      <div
        className="usa-prose"
        dangerouslySetInnerHTML={{
          __html: view.programHighlightsHtml ?? '<p>No program highlights written.</p>',
        }}
      />
      <p>
        The Word document and slides as they would be published now:{' '}
        <a href={`/pmc/${view.id}/export.docx`} download>
          Word (.docx)
        </a>{' '}
        ·{' '}
        <a href={`/pmc/${view.id}/export.pptx`} download>
          Slides (.pptx)
        </a>
        .
      </p>
      {portfolios.map((p) => (
        <PortfolioSection
          key={p.slug}
          p={p}
          updateId={view.id}
          pageUrl={`/pmc/${view.id}/publish`}
          portfolioCount={view.portfolioCount}
          version={view.version}
          focused={false}
          mayManage={false}
          since={since}
          newSince={newSince}
          reply={undefined}
        />
      ))}
      {confirm}
    </>
  );
}
