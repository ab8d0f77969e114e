import { parseWithZod } from '@conform-to/zod/v4';
import { lazy, Suspense } from 'react';
import { data, Form, redirect, useActionData } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/edit';
import { PlainTextForm } from '~/components/plans/plain-text-form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { collabName, localCopyKey } from '~/collab/names';
import { collabPerson } from '~/domain/collab/access';
import { sanitizeDoc } from '~/domain/plans/document';
import { toMarkdown } from '~/domain/plans/markdown';
import { isEditable } from '~/domain/plans/status';
import { refusal, forbidden } from '~/web/toolkit.server';
import { requirePlan } from '~/routes/plans/find.server';
import { useHydrated } from '~/lib/hydrated';
import { NamePlanVersionSchema, SavePlanMarkdownSchema } from '~/schemas/plan';
import { namePlanVersion, savePlanMarkdown } from '~/commands/plans';
import { dbOf } from '~/web/context.server';
import type { DB } from '#db/client';
import { getPlan } from '#db/queries/plans';

// The live editor (Yjs, Hocuspocus, tiptap) loads only on this page, and only in the browser.
const CollabEditor = lazy(() => import('~/components/editor/collab-editor'));

export const meta: Route.MetaFunction = () => [
  { title: 'Edit CX Action Plan | Life Experience Workspace' },
];

const markdownOf = (doc: string) => toMarkdown(sanitizeDoc(JSON.parse(doc)));

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, plan } = await requirePlan({ request, context }, params.planId, 'plan.edit');
  if (!isEditable(plan.status))
    forbidden('This plan is final and read-only. An OMB lead can reopen it.');
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      version: plan.version,
      markdown: markdownOf(plan.doc),
      portfolio_slug: plan.portfolio_slug,
      portfolio_name: plan.portfolio_name,
      fiscal_year: plan.fiscal_year,
      // This browser's copy of the shared document is kept under a key that a new plan with a
      // reused id would not share.
      localKey: localCopyKey({ kind: 'action_plan', id: plan.id }, plan.created_at),
    },
    me: collabPerson(user),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, plan } = await requirePlan({ request, context }, params.planId, 'plan.edit');
  const form = await request.formData();
  const db = dbOf(context);
  if (form.has('markdown')) return saveMarkdown(db, form, plan.id, user.personId);
  const submission = parseWithZod(form, { schema: NamePlanVersionSchema });
  if (submission.status !== 'success')
    return data({ named: null, result: submission.reply() }, { status: 400 });
  try {
    const { name, note } = submission.value;
    await namePlanVersion(db, { id: plan.id, actorId: user.personId, name, note });
    return { named: name, result: submission.reply({ resetForm: true }) };
  } catch (error) {
    const refused = refusal(error, submission);
    return data({ named: null, result: refused.data.result }, refused.init ?? { status: 409 });
  }
}

/**
 * The plain-text form's save (no JavaScript), merged by section into the plan as it is now.
 * When every section the person changed could be taken, back to the plan; when someone else
 * changed one of them too, the form again, with the plan as it now is and both texts of each
 * such section.
 */
async function saveMarkdown(db: DB, form: FormData, planId: number, actorId: number) {
  const submission = parseWithZod(form, { schema: SavePlanMarkdownSchema });
  const typed = String(form.get('markdown') ?? '');
  if (submission.status !== 'success')
    return data(
      { noscript: { result: submission.reply(), markdown: typed, merged: null } },
      { status: 400 },
    );
  const v = submission.value;
  let merge;
  try {
    merge = await savePlanMarkdown(db, {
      id: planId,
      baseVersion: v.version,
      markdown: v.markdown,
      actorId,
      name: v.name || undefined,
      note: v.note || undefined,
    });
  } catch (error) {
    const refused = refusal(error, submission);
    return data(
      { noscript: { result: refused.data.result, markdown: typed, merged: null } },
      refused.init ?? { status: 409 },
    );
  }
  if (merge.conflicts.length === 0) return redirect(`/plans/${planId}`, 303);
  const now = (await getPlan(db, planId))!.plan;
  const md = (nodes: unknown[]) => toMarkdown(sanitizeDoc({ type: 'doc', content: nodes }));
  return data(
    {
      noscript: {
        result: null,
        markdown: markdownOf(now.doc),
        merged: {
          version: now.version,
          applied: merge.applied.length,
          conflicts: merge.conflicts.map((c) => ({
            title: c.title || 'Before the first heading',
            mine: md(c.mine),
            theirs: md(c.theirs),
          })),
        },
      },
    },
    { status: 409 },
  );
}

export default function EditPlan({ loaderData }: Route.ComponentProps) {
  const { plan, me } = loaderData;
  const hydrated = useHydrated();
  const reply = useActionData<typeof action>();
  const plain = reply && 'noscript' in reply ? reply.noscript : null;
  const named = reply && 'named' in reply ? reply : null;
  const nameError = named?.result?.error?.name?.[0] ?? named?.result?.error?.['']?.[0];
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
          version={plain?.merged?.version ?? plan.version}
          markdown={plain?.markdown ?? plan.markdown}
          merged={plain?.merged ?? null}
          errors={plain?.result?.error ?? {}}
        />
      </noscript>
      {hydrated ? (
        <Suspense fallback={<p>Loading the editor…</p>}>
          <CollabEditor
            documentName={collabName({ kind: 'action_plan', id: plan.id })}
            localKey={plan.localKey}
            me={me}
          />
        </Suspense>
      ) : null}
      {hydrated ? (
        <Form method="post" className="usa-form margin-top-2" noValidate>
          <h2>Save a named version</h2>
          <p className="usa-hint">
            Every change is saved as you type. A named version keeps the plan as it is now under a
            name, to find or restore later.
          </p>
          {named?.named ? (
            <p role="status" className="text-bold">
              Saved the named version “{named.named}”.
            </p>
          ) : null}
          <div className={`usa-form-group${nameError ? ' usa-form-group--error' : ''}`}>
            <label className="usa-label" htmlFor="version-name">
              Version name
            </label>
            {nameError ? (
              <span className="usa-error-message" id="version-name-error" role="alert">
                {nameError}
              </span>
            ) : null}
            <input
              className="usa-input"
              id="version-name"
              name="name"
              maxLength={100}
              aria-describedby={nameError ? 'version-name-error' : undefined}
            />
          </div>
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
