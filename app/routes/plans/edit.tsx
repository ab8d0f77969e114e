import { parseWithZod } from '@conform-to/zod/v4';
import { useCallback, useEffect, useRef, useState } from 'react';
import { data, Form, Link, redirect, useActionData, useFetcher } from 'react-router';
import type { Route } from './+types/edit';
import { PlanEditor } from '~/components/editor/plan-editor';
import { Alert } from '~/components/ui/alert';
import { Breadcrumbs } from '~/components/ui/form';
import { sanitizeDoc } from '~/domain/plans/document';
import { fromMarkdown, toMarkdown } from '~/domain/plans/markdown';
import { isEditable } from '~/domain/plans/status';
import { refusal, forbidden } from '~/web/toolkit.server';
import { planHtml } from '~/render/plans/html.server';
import { requirePlan } from '~/routes/plans/find.server';
import { useHydrated } from '~/lib/hydrated';
import { SavePlanMarkdownSchema, SavePlanSchema } from '~/schemas/plan';
import { savePlanText } from '#db/queries/plans';
import { useTimeZone } from '~/lib/time-zone';
import { dbOf } from '~/web/context.server';
import type { DB } from '#db/client';

export const meta: Route.MetaFunction = () => [
  { title: 'Edit CX Action Plan | Life Experience Workspace' },
];

/** Autosave this long after the last change, in milliseconds … */
const AUTOSAVE_MS = 3000;
/** … and at least this often while someone keeps typing. */
const AUTOSAVE_MAX_WAIT_MS = 10_000;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { plan } = await requirePlan({ request, context }, params.planId, 'plan.edit');
  if (!isEditable(plan.status))
    forbidden('This plan is final and read-only. An OMB lead can reopen it.');
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      version: plan.version,
      doc: JSON.parse(plan.doc) as unknown,
      markdown: toMarkdown(sanitizeDoc(JSON.parse(plan.doc))),
      portfolio_slug: plan.portfolio_slug,
      portfolio_name: plan.portfolio_name,
      fiscal_year: plan.fiscal_year,
    },
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, plan } = await requirePlan({ request, context }, params.planId, 'plan.edit');
  const form = await request.formData();
  if (form.has('markdown')) return saveMarkdown(dbOf(context), form, plan.id, user.personId);
  const submission = parseWithZod(form, { schema: SavePlanSchema });
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
    const version = await savePlanText(dbOf(context), {
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

/**
 * The plain-text form's save (no JavaScript): Markdown read into a document, then the same
 * versioned save as the editor's. A stale save is refused and the person's text comes back in
 * the form, beside the newer text, for them to merge.
 */
async function saveMarkdown(db: DB, form: FormData, planId: number, actorId: number) {
  const submission = parseWithZod(form, { schema: SavePlanMarkdownSchema });
  const typed = String(form.get('markdown') ?? '');
  if (submission.status !== 'success')
    return data(
      { noscript: { result: submission.reply(), markdown: typed, newer: null } },
      { status: 400 },
    );
  const v = submission.value;
  try {
    await savePlanText(db, {
      id: planId,
      version: v.version,
      doc: fromMarkdown(v.markdown),
      actorId,
      name: v.name || undefined,
      note: v.note || undefined,
    });
  } catch (error) {
    const refused = refusal(error, submission);
    const stale = refused.data.stale;
    return data(
      {
        noscript: {
          result: refused.data.result,
          markdown: typed,
          newer: stale
            ? {
                version: stale.version,
                markdown: toMarkdown(sanitizeDoc(JSON.parse(String(stale.current.doc)))),
              }
            : null,
        },
      },
      refused.init ?? { status: 409 },
    );
  }
  return redirect(`/plans/${planId}`, 303);
}

export default function EditPlan({ loaderData }: Route.ComponentProps) {
  const { plan } = loaderData;
  const fetcher = useFetcher<typeof action>();
  const hydrated = useHydrated();
  const noscript = useActionData<typeof action>();
  const plain = noscript && 'noscript' in noscript ? noscript.noscript : null;
  const [changes, setChanges] = useState(0);
  const [version, setVersion] = useState(plan.version);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<{ html: string; version: number } | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const zone = useTimeZone();
  // The latest document, kept out of React state: saves read it, typing does not re-render.
  const docRef = useRef<unknown>(plan.doc);
  // How many edits were made, and how many of them the last save sent: a save answered while
  // the person kept typing leaves the page dirty, and the same edits are never sent twice (an
  // autosave timer firing between the answer and its state update would send a stale version).
  const changesRef = useRef(0);
  const sentRef = useRef(0);

  // The version a save is based on, and the fetcher, read through refs: `save` stays the same
  // function across renders, so a render that changes nothing does not restart the autosave
  // timer (useFetcher answers a new object on every render).
  const versionRef = useRef(plan.version);
  const fetcherRef = useRef(fetcher);
  useEffect(() => {
    fetcherRef.current = fetcher;
  });
  const save = useCallback((extra: Record<string, string> = {}) => {
    sentRef.current = changesRef.current;
    fetcherRef.current.submit(
      { doc: JSON.stringify(docRef.current), version: String(versionRef.current), ...extra },
      { method: 'post' },
    );
  }, []);

  // The server's answer to a save: a new version, or a conflict with the newer text. Syncing
  // with that answer is what this effect is for, so it sets state.
  useEffect(() => {
    const d = fetcher.data;
    if (!d || fetcher.state !== 'idle' || 'noscript' in d) return;
    /* eslint-disable react-hooks/set-state-in-effect */
    if (d.ok) {
      versionRef.current = d.version;
      setVersion(d.version);
      setDirty(changesRef.current !== sentRef.current);
      setConflict(null);
      setSavedAt(
        new Date().toLocaleTimeString('en-US', {
          hour: 'numeric',
          minute: '2-digit',
          second: '2-digit',
          timeZone: zone,
          timeZoneName: 'short',
        }),
      );
    } else if (d.stale && d.newerHtml && d.version) {
      setConflict({ html: d.newerHtml, version: d.version });
    }
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [fetcher.data, fetcher.state, zone]);

  // Autosave a few seconds after the last change, and at least every ten seconds while typing
  // goes on, unless a conflict waits for the person.
  const dirtySince = useRef<number | null>(null);
  useEffect(() => {
    if (!dirty) {
      dirtySince.current = null;
      return;
    }
    dirtySince.current ??= Date.now();
    if (conflict || fetcher.state !== 'idle' || sentRef.current === changesRef.current) return;
    const wait = Math.min(AUTOSAVE_MS, dirtySince.current + AUTOSAVE_MAX_WAIT_MS - Date.now());
    const t = setTimeout(() => save(), Math.max(0, wait));
    return () => clearTimeout(t);
  }, [dirty, conflict, fetcher.state, changes, save]);

  // Leaving saves what is unsaved: closing or hiding the tab (keepalive outlives the page), and
  // following a link inside the workspace (the editor unmounts).
  const unsaved = useRef({ dirty, conflict: conflict !== null, version });
  useEffect(() => {
    unsaved.current = { dirty, conflict: conflict !== null, version };
  }, [dirty, conflict, version]);
  useEffect(() => {
    const flush = () => {
      const { dirty: pending, conflict: waiting, version: base } = unsaved.current;
      if (!pending || waiting) return;
      unsaved.current = { ...unsaved.current, dirty: false };
      const body = new FormData();
      body.set('doc', JSON.stringify(docRef.current));
      body.set('version', String(base));
      void fetch(`/plans/${plan.id}/edit`, {
        method: 'POST',
        body,
        keepalive: true,
        credentials: 'same-origin',
      });
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, [plan.id]);

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
        <PlainTextForm
          planId={plan.id}
          version={plain?.newer?.version ?? plan.version}
          markdown={plain?.markdown ?? plan.markdown}
          newer={plain?.newer?.markdown ?? null}
          errors={plain?.result?.error ?? {}}
        />
      </noscript>
      {hydrated ? (
        <p role="status" aria-live="polite" data-testid="save-status">
          {status} (version {version})
        </p>
      ) : null}
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
              versionRef.current = conflict.version;
              setVersion(conflict.version);
              setConflict(null);
              sentRef.current = changesRef.current;
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
      {hydrated ? (
        <PlanEditor
          initial={plan.doc}
          resetKey={0}
          onChange={(d) => {
            docRef.current = d;
            changesRef.current += 1;
            setDirty(true);
            setChanges((n) => n + 1);
          }}
        />
      ) : null}
      {hydrated ? (
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
      ) : null}
      <p className="margin-top-3">
        <Link to={`/plans/${plan.id}`}>Back to the plan</Link>
      </p>
    </>
  );
}

/**
 * Editing without JavaScript: the plan as Markdown in a text box, saved like the editor's text
 * (and refused the same way when someone saved first). Shown only when scripts are off.
 */
function PlainTextForm({
  planId,
  version,
  markdown,
  newer,
  errors,
}: {
  planId: number;
  version: number;
  markdown: string;
  newer: string | null;
  errors: Record<string, string[] | null | undefined>;
}) {
  const problem = errors.markdown?.[0] ?? errors.version?.[0] ?? errors['']?.[0];
  return (
    <form method="post" action={`/plans/${planId}/edit`} className="usa-form maxw-full">
      <Alert type="info" heading="Editing as plain text">
        The rich-text editor needs JavaScript, so the plan is shown here as Markdown: # before a
        heading, - before a list item, **bold**, *italic*, [text](https://address) for a link, and |
        between table cells.
      </Alert>
      {newer !== null ? (
        <Alert type="warning" heading="Someone saved a newer version">
          Your text is still in the box below and has not been saved. The newer text is shown under
          it: merge what you need into yours, then save again to keep yours as the newest.
        </Alert>
      ) : null}
      <input type="hidden" name="version" value={version} />
      <div className={`usa-form-group${problem ? ' usa-form-group--error' : ''}`}>
        <label className="usa-label" htmlFor="plan-markdown">
          Plan text
        </label>
        {problem ? (
          <span className="usa-error-message" id="plan-markdown-error" role="alert">
            {problem}
          </span>
        ) : null}
        <textarea
          className="usa-textarea maxw-full height-mobile"
          id="plan-markdown"
          name="markdown"
          rows={24}
          defaultValue={markdown}
          aria-describedby={problem ? 'plan-markdown-error' : undefined}
        />
      </div>
      {newer !== null ? (
        <>
          <label className="usa-label" htmlFor="plan-newer">
            The newer saved text (read only)
          </label>
          <textarea
            className="usa-textarea maxw-full height-mobile"
            id="plan-newer"
            rows={12}
            readOnly
            defaultValue={newer}
          />
        </>
      ) : null}
      <label className="usa-label" htmlFor="plain-version-name">
        Version name (optional)
      </label>
      <input className="usa-input" id="plain-version-name" name="name" maxLength={100} />
      <label className="usa-label" htmlFor="plain-version-note">
        Note (optional)
      </label>
      <textarea
        className="usa-textarea height-10"
        id="plain-version-note"
        name="note"
        rows={2}
        maxLength={1000}
      />
      <button type="submit" className="usa-button margin-top-2">
        Save the plan
      </button>
    </form>
  );
}
