import { parseWithZod } from '@conform-to/zod/v4';
import { useCallback, useEffect, useRef, useState } from 'react';
import { data, Form, Link, useFetcher } from 'react-router';
import type { Route } from './+types/edit';
import { PlanEditor } from '~/components/editor/plan-editor';
import { Alert } from '~/components/ui/alert';
import { Breadcrumbs } from '~/components/ui/form';
import { isEditable } from '~/domain/plans/status';
import { refusal } from '~/errors.server';
import { forbidden } from '~/http.server';
import { planHtml } from '~/plans.server';
import { loadPlanFor } from '~/plans-route.server';
import { SavePlanSchema } from '~/schemas/plan';
import { getDb } from '#db/client';
import { savePlanText } from '#db/queries/plans';

export const meta: Route.MetaFunction = () => [
  { title: 'Edit CX Action Plan | Life Experience Workspace' },
];

/** Autosave this long after the last change, in milliseconds. */
const AUTOSAVE_MS = 3000;

export async function loader({ request, params }: Route.LoaderArgs) {
  const { plan } = await loadPlanFor(request, params.planId, 'plan.edit');
  if (!isEditable(plan.status))
    forbidden('This plan is final and read-only. An OMB lead can reopen it.');
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      version: plan.version,
      doc: JSON.parse(plan.doc) as unknown,
      portfolio_slug: plan.portfolio_slug,
      portfolio_name: plan.portfolio_name,
      fiscal_year: plan.fiscal_year,
    },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, plan } = await loadPlanFor(request, params.planId, 'plan.edit');
  const submission = parseWithZod(await request.formData(), { schema: SavePlanSchema });
  if (submission.status !== 'success')
    return data(
      {
        ok: false as const,
        result: submission.reply(),
        stale: null,
        newerHtml: null,
        version: null,
      },
      { status: 400 },
    );
  const v = submission.value;
  try {
    const version = await savePlanText(getDb(), {
      id: plan.id,
      version: v.version,
      doc: v.doc,
      actorId: user.personId,
      name: v.name || undefined,
      note: v.note || undefined,
    });
    return { ok: true as const, result: null, stale: null, newerHtml: null, version };
  } catch (error) {
    const refused = refusal(error, submission);
    const stale = refused.data.stale;
    return data(
      {
        ok: false as const,
        result: refused.data.result,
        stale,
        // The newer text, rendered (sanitized) for the person to compare with theirs.
        newerHtml: stale ? planHtml(JSON.parse(String(stale.current.doc))) : null,
        version: stale?.version ?? null,
      },
      refused.init ?? { status: 409 },
    );
  }
}

export default function EditPlan({ loaderData }: Route.ComponentProps) {
  const { plan } = loaderData;
  const fetcher = useFetcher<typeof action>();
  const [changes, setChanges] = useState(0);
  const [version, setVersion] = useState(plan.version);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<{ html: string; version: number } | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  // The latest document, kept out of React state: saves read it, typing does not re-render.
  const docRef = useRef<unknown>(plan.doc);

  const save = useCallback(
    (extra: Record<string, string> = {}) => {
      fetcher.submit(
        { doc: JSON.stringify(docRef.current), version: String(version), ...extra },
        { method: 'post' },
      );
    },
    [fetcher, version],
  );

  // The server's answer to a save: a new version, or a conflict with the newer text. Syncing
  // with that answer is what this effect is for, so it sets state.
  useEffect(() => {
    const d = fetcher.data;
    if (!d || fetcher.state !== 'idle') return;
    /* eslint-disable react-hooks/set-state-in-effect */
    if (d.ok) {
      setVersion(d.version);
      setDirty(false);
      setConflict(null);
      setSavedAt(
        new Date().toLocaleTimeString('en-US', {
          hour: 'numeric',
          minute: '2-digit',
          second: '2-digit',
        }),
      );
    } else if (d.stale && d.newerHtml && d.version) {
      setConflict({ html: d.newerHtml, version: d.version });
    }
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [fetcher.data, fetcher.state]);

  // Autosave a few seconds after the last change, unless a conflict waits for the person.
  useEffect(() => {
    if (!dirty || conflict || fetcher.state !== 'idle') return;
    const t = setTimeout(() => save(), AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [dirty, conflict, fetcher.state, changes, save]);

  // Leaving the page saves what is unsaved (keepalive outlives the page).
  useEffect(() => {
    const flush = () => {
      if (!dirty || conflict) return;
      const body = new FormData();
      body.set('doc', JSON.stringify(docRef.current));
      body.set('version', String(version));
      void fetch(`/plans/${plan.id}/edit`, {
        method: 'POST',
        body,
        keepalive: true,
        credentials: 'same-origin',
      });
    };
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [dirty, conflict, version, plan.id]);

  const status = conflict
    ? 'Not saved: someone else saved a newer version.'
    : fetcher.state !== 'idle'
      ? 'Saving…'
      : dirty
        ? 'Unsaved changes'
        : savedAt
          ? `All changes saved at ${savedAt}`
          : 'No changes yet';

  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${plan.portfolio_slug}`, label: plan.portfolio_name },
          { to: `/plans/${plan.id}`, label: `FY ${plan.fiscal_year}` },
          { label: 'Edit' },
        ]}
      />
      <h1>Edit: {plan.title}</h1>
      <noscript>
        <Alert type="warning" heading="The editor needs JavaScript">
          You can still read, export and move this plan through review on its page.
        </Alert>
      </noscript>
      <p role="status" aria-live="polite" data-testid="save-status">
        {status} (version {version})
      </p>
      {conflict ? (
        <section
          aria-labelledby="conflict-heading"
          className="border-2px border-secondary radius-md padding-2 margin-bottom-2"
        >
          <h2 id="conflict-heading" className="margin-top-0">
            Someone saved a newer version
          </h2>
          <p>
            Your text is still in the editor and has not been lost. The newer saved text is below.
            Merge what you need into your text, then keep yours as the newest version.
          </p>
          <div className="grid-row grid-gap">
            <div className="tablet:grid-col-12">
              <h3>The newer saved text (version {conflict.version})</h3>
              <div
                className="usa-prose bg-base-lightest padding-2"
                data-testid="newer-text"
                dangerouslySetInnerHTML={{ __html: conflict.html }}
              />
            </div>
          </div>
          <button
            type="button"
            className="usa-button margin-top-2"
            onClick={() => {
              setVersion(conflict.version);
              setConflict(null);
              fetcher.submit(
                { doc: JSON.stringify(docRef.current), version: String(conflict.version) },
                { method: 'post' },
              );
            }}
          >
            Keep my text as the newest version
          </button>
        </section>
      ) : null}
      <PlanEditor
        initial={plan.doc}
        resetKey={0}
        onChange={(d) => {
          docRef.current = d;
          setDirty(true);
          setChanges((n) => n + 1);
        }}
      />
      <Form
        className="usa-form margin-top-2"
        onSubmit={(e) => {
          e.preventDefault();
          const fd = new FormData(e.currentTarget);
          save({ name: String(fd.get('name') ?? ''), note: String(fd.get('note') ?? '') });
          e.currentTarget.reset();
        }}
      >
        <h2>Save a named version</h2>
        <label className="usa-label" htmlFor="version-name">
          Version name
        </label>
        <input className="usa-input" id="version-name" name="name" required maxLength={100} />
        <label className="usa-label" htmlFor="version-note">
          Note
        </label>
        <textarea
          className="usa-textarea"
          id="version-note"
          name="note"
          rows={2}
          maxLength={1000}
        />
        <button type="submit" className="usa-button usa-button--outline margin-top-1">
          Save named version
        </button>
      </Form>
      <p className="margin-top-3">
        <Link to={`/plans/${plan.id}`}>Back to the plan</Link>
      </p>
    </>
  );
}
