import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, Link, redirect, useActionData } from 'react-router';
import type { Route } from './+types/edit';
import { PlanEditor } from '~/components/editor/plan-editor';
import { PlainTextForm } from '~/components/plans/plain-text-form';
import { usePlanAutosave } from '~/components/plans/use-plan-autosave';
import { Breadcrumbs } from '~/components/ui/form';
import { sanitizeDoc } from '~/domain/plans/document';
import { fromMarkdown, toMarkdown } from '~/domain/plans/markdown';
import { isEditable } from '~/domain/plans/status';
import { refusal, forbidden } from '~/web/toolkit.server';
import { planHtml } from '~/render/plans/html.server';
import { requirePlan } from '~/routes/plans/find.server';
import { useHydrated } from '~/lib/hydrated';
import { SavePlanMarkdownSchema, SavePlanSchema } from '~/schemas/plan';
import { savePlanText } from '~/commands/plans';
import { dbOf } from '~/web/context.server';
import type { DB } from '#db/client';

export const meta: Route.MetaFunction = () => [
  { title: 'Edit CX Action Plan | Life Experience Workspace' },
];

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
  const hydrated = useHydrated();
  const noscript = useActionData<typeof action>();
  const plain = noscript && 'noscript' in noscript ? noscript.noscript : null;
  const { status, version, conflict, save, onChange, keepMine } = usePlanAutosave({
    planId: plan.id,
    initialDoc: plan.doc,
    initialVersion: plan.version,
  });
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
          <button type="button" className="usa-button margin-top-2" onClick={keepMine}>
            Keep my text as the newest version
          </button>
        </section>
      ) : null}
      {hydrated ? <PlanEditor initial={plan.doc} resetKey={0} onChange={onChange} /> : null}
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
