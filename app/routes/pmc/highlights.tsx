import { parseWithZod } from '@conform-to/zod/v4';
import { useRef, useState } from 'react';
import { data, Link, useFetcher } from 'react-router';
import type { Route } from './+types/highlights';
import { PlanEditor } from '~/components/editor/plan-editor';
import { Alert } from '~/components/ui/alert';
import { authorize, refusal, notFound } from '~/web/toolkit.server';
import { loadWholeUpdate } from '~/routes/pmc/view.server';
import { PmcHighlightsSchema } from '~/schemas/pmc';
import { changeUpdate } from '~/commands/pmc';
import { dbOf, type RequestArgs } from '~/web/context.server';

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
  const { view, target, name } = await load({ request, context }, params);
  const empty = { type: 'doc', content: [{ type: 'paragraph' }] };
  return {
    id: view.id,
    version: view.version,
    target,
    name,
    doc: view.highlights[target] ?? empty,
    quarter: `FY ${view.fiscalYear} Q${view.quarter}`,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, view, target } = await load({ request, context }, params);
  const submission = parseWithZod(await request.formData(), { schema: PmcHighlightsSchema });
  if (submission.status !== 'success')
    return data(
      { ok: false, message: 'The text could not be read.', version: null as number | null },
      { status: 400 },
    );
  try {
    await changeUpdate(dbOf(context), {
      id: view.id,
      version: submission.value.version,
      actorId: user.personId,
      change: { kind: 'highlights', target, doc: submission.value.doc },
    });
  } catch (error) {
    const refused = refusal(error, submission);
    return data(
      {
        ok: false,
        message:
          'Someone changed this update after you opened it. Copy your text, reload, and save again.',
        version: refused.data.stale?.version ?? null,
      },
      { status: 409 },
    );
  }
  return { ok: true, message: 'Saved.', version: submission.value.version + 1 };
}

export default function Highlights({ loaderData }: Route.ComponentProps) {
  const { id, version, target, name, doc, quarter } = loaderData;
  const fetcher = useFetcher<typeof action>();
  const docRef = useRef<unknown>(doc);
  const [current, setCurrent] = useState(version);
  const result = fetcher.state === 'idle' ? fetcher.data : undefined;
  const shownVersion = result?.ok && result.version ? result.version : current;
  return (
    <>
      <h1>
        Highlights for {name}, {quarter}
      </h1>
      <noscript>
        <Alert type="warning" heading="The editor needs JavaScript">
          The update can still be read and exported without it.
        </Alert>
      </noscript>
      <div role="status" aria-live="polite">
        {result ? (
          <Alert type={result.ok ? 'success' : 'error'} slim>
            {result.message}
          </Alert>
        ) : null}
      </div>
      <PlanEditor
        label={`Highlights for ${name}`}
        initial={doc}
        resetKey={0}
        onChange={(d) => {
          docRef.current = d;
        }}
      />
      <button
        type="button"
        className="usa-button margin-top-2"
        onClick={() => {
          setCurrent(shownVersion);
          fetcher.submit(
            { doc: JSON.stringify(docRef.current), version: String(shownVersion) },
            { method: 'post' },
          );
        }}
      >
        Save highlights
      </button>
      <p className="margin-top-3">
        <Link to={`/pmc/${id}`}>Back to the update</Link> ({target})
      </p>
    </>
  );
}
