import { parseWithZod } from '@conform-to/zod/v4';
import { lazy, Suspense } from 'react';
import { data, redirect, useActionData } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/highlights';
import { Alert } from '~/components/ui/alert';
import { sanitizeDoc } from '~/domain/plans/document';
import { toMarkdown } from '~/domain/plans/markdown';
import { useHydrated } from '~/lib/hydrated';
import { authorize, refusal, notFound } from '~/web/toolkit.server';
import { liveUpdateDocument, loadWholeUpdate } from '~/routes/pmc/view.server';
import { quarterLabel } from '~/presenters/pmc';
import { PmcHighlightsMarkdownSchema } from '~/schemas/pmc';
import { saveHighlightsMarkdown } from '~/commands/pmc';
import { dbOf, type RequestArgs } from '~/web/context.server';

// The live editor (Yjs, Hocuspocus, tiptap) loads only on the pages that edit, in the browser.
const CollabEditor = lazy(() => import('~/components/editor/collab-editor'));

export const meta: Route.MetaFunction = () => [
  { title: 'Write highlights | Life Experience Workspace' },
];

async function load({ request, context }: RequestArgs, params: Route.LoaderArgs['params']) {
  const { user, view } = await loadWholeUpdate({ request, context }, params.updateId);
  authorize(user, 'pmc.manage');
  if (view.status !== 'draft')
    notFound('This update is published; its highlights no longer change.');
  const target = params.target ?? '';
  const name =
    target === 'program' ? 'the program' : view.order.find((p) => p.slug === target)?.name;
  if (!name) notFound();
  return { user, view, target, name };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, view, target, name } = await load({ request, context }, params);
  const highlights = view.highlights[target];
  return {
    id: view.id,
    target,
    name,
    markdown: highlights ? toMarkdown(sanitizeDoc(highlights)) : '',
    quarter: quarterLabel(view.fiscalYear, view.quarter),
    ...liveUpdateDocument(view, user),
  };
}

/** The plain-text form's save (no JavaScript), into the highlights as they are now. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, view, target } = await load({ request, context }, params);
  const form = await request.formData();
  const typed = String(form.get('markdown') ?? '');
  const submission = parseWithZod(form, { schema: PmcHighlightsMarkdownSchema });
  if (submission.status !== 'success')
    return data(
      { markdown: typed, theirs: null, error: submission.reply().error?.markdown?.[0] ?? null },
      { status: 400 },
    );
  try {
    const saved = await saveHighlightsMarkdown(dbOf(context), {
      id: view.id,
      target,
      base: submission.value.base,
      markdown: submission.value.markdown,
      actorId: user.personId,
    });
    if (saved.saved) return redirect(`/pmc/${view.id}`, 303);
    return data({ markdown: typed, theirs: saved.theirs, error: null }, { status: 409 });
  } catch (error) {
    const refused = refusal(error, submission);
    return data(
      { markdown: typed, theirs: null, error: refused.data.result.error?.['']?.[0] ?? null },
      refused.init ?? { status: 409 },
    );
  }
}

export default function Highlights({ loaderData }: Route.ComponentProps) {
  const { id, target, name, markdown, quarter, documentName, localKey, me } = loaderData;
  const hydrated = useHydrated();
  const reply = useActionData<typeof action>();
  const label = `Highlights for ${name}`;
  return (
    <>
      <h1>
        Highlights for {name}, {quarter}
      </h1>
      <noscript>
        <form method="post" className="usa-form maxw-full">
          <Alert type="info" heading="Editing as plain text">
            The rich-text editor needs JavaScript, so the highlights are shown here as Markdown: -
            before a list item, **bold**, *italic*, [text](https://address) for a link.
          </Alert>
          {reply?.theirs != null ? (
            <Alert type="warning" heading="Your text was not saved">
              Someone changed these highlights since you opened this page. Their text is below and
              kept; yours is still in the box. Combine them in the box, then save again.
            </Alert>
          ) : null}
          {/* What the save is compared with: the text as it now is after a refused save. */}
          <input type="hidden" name="base" value={reply?.theirs ?? markdown} />
          <div className={`usa-form-group${reply?.error ? ' usa-form-group--error' : ''}`}>
            <label className="usa-label" htmlFor="highlights-markdown">
              {label}
            </label>
            {reply?.error ? (
              <span className="usa-error-message" id="highlights-markdown-error" role="alert">
                {reply.error}
              </span>
            ) : null}
            <textarea
              className="usa-textarea maxw-full height-card-lg"
              id="highlights-markdown"
              name="markdown"
              rows={12}
              defaultValue={reply?.markdown ?? markdown}
              aria-describedby={reply?.error ? 'highlights-markdown-error' : undefined}
            />
          </div>
          {reply?.theirs != null ? (
            <>
              <label className="usa-label" htmlFor="highlights-theirs">
                The highlights as they are now
              </label>
              <textarea
                className="usa-textarea maxw-full"
                id="highlights-theirs"
                rows={8}
                readOnly
                defaultValue={reply.theirs}
              />
            </>
          ) : null}
          <button type="submit" className="usa-button margin-top-2">
            Save highlights
          </button>
        </form>
      </noscript>
      {hydrated ? (
        <Suspense fallback={<p>Loading the editor…</p>}>
          <p className="usa-hint">
            Every change is saved as you type; other OMB leads writing here now appear below.
          </p>
          <CollabEditor
            documentName={documentName}
            field={target}
            localKey={localKey}
            me={me}
            label={label}
          />
        </Suspense>
      ) : null}
      <p className="margin-top-3">
        <Link to={`/pmc/${id}`}>Back to the update</Link>
      </p>
    </>
  );
}
