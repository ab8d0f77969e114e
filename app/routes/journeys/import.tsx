import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { useState } from 'react';
import { data, Form, redirect } from 'react-router';
import type { Route } from './+types/import';
import { JourneyDetailsFields } from '~/components/journey/details-form';
import { MermaidDiagram } from '~/components/mermaid/mermaid-diagram';
import { FormErrors, TextAreaField } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { parseMermaid } from '~/domain/journey/mermaid';
import { refusal } from '~/web/toolkit.server';
import { ImportWithDiagramSchema } from '~/schemas/journey';
import { createJourney } from '~/commands/journeys';
import { projectChoices } from '~/routes/journeys/find.server';
import { dbOf, findPortfolio } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Import a journey map | Life Experience Workspace' },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { portfolio } = await findPortfolio({ request, context }, params.slug, 'journey.edit');
  return { portfolio, projects: await projectChoices(dbOf(context), portfolio.id) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, portfolio } = await findPortfolio(
    { request, context },
    params.slug,
    'journey.edit',
  );
  const submission = parseWithZod(await request.formData(), { schema: ImportWithDiagramSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const { diagram, source: _source, ...details } = submission.value;
  let id: number;
  try {
    id = await createJourney(dbOf(context), {
      portfolioId: portfolio.id,
      actorId: user.personId,
      details: { ...details, title: diagram.title, description: diagram.description },
      diagram,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/journeys/${id}`);
}

function preview(source: string) {
  try {
    parseMermaid(source);
    return { ok: true as const };
  } catch (error) {
    return { ok: false as const, message: error instanceof Error ? error.message : 'Not valid.' };
  }
}

export default function ImportJourney({ loaderData, actionData }: Route.ComponentProps) {
  const { portfolio, projects } = loaderData;
  const [form, fields] = useSchemaForm({
    lastResult: actionData?.result,
    defaultValue: { versionLabel: 'as_is' },
    schema: () => import('~/schemas/journey').then((m) => m.ImportWithDiagramSchema),
    validate: 'onSubmit',
  });
  const [draft, setDraft] = useState('');
  const check = draft ? preview(draft) : null;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { to: `/portfolios/${portfolio.slug}/journeys`, label: 'Journey maps' },
          { label: 'Import' },
        ]}
      />
      <h1>Import a Mermaid journey</h1>
      <p>
        Paste the source of a Mermaid <code>journey</code> diagram. Its title, sections and steps
        become the map’s title, stages and steps. Nothing is saved unless the whole source is valid.
      </p>
      <FormErrors form={form} />
      <Form
        method="post"
        className="usa-form usa-form--large"
        {...getFormProps(form)}
        onInput={(e) => {
          const target = e.target as HTMLTextAreaElement;
          if (target.name === 'source') setDraft(target.value);
        }}
      >
        <TextAreaField
          field={fields.source}
          label="Mermaid source"
          rows={14}
          hint={
            'For example: journey / title Having a child / section Birth / Get a birth certificate: 2: Parent'
          }
        />
        <JourneyDetailsFields
          fields={{
            title: fields.source,
            description: fields.source,
            personas: fields.personas,
            versionLabel: fields.versionLabel,
            versionName: fields.versionName,
            projectId: fields.projectId,
          }}
          projects={projects}
          withTitle={false}
        />
        <button type="submit" className="usa-button">
          Import journey map
        </button>
      </Form>
      {check ? (
        <section aria-labelledby="preview-heading" aria-live="polite">
          <h2 id="preview-heading">Preview</h2>
          {check.ok ? (
            <MermaidDiagram source={draft} label="Imported journey (preview)" description="" />
          ) : (
            <p className="text-secondary-dark">{check.message}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
