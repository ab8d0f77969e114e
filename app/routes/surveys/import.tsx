/**
 * Importing a quarter's post-transaction survey data into a collection (issue 20): the file in
 * Touchpoints' `cx_responses` columns, and the quarter's customer volumes. Every row is checked
 * before anything is saved; the errors come back with their line numbers. A quarter that already
 * has data is replaced only when the person ticks the box, and the old data stays in history.
 */
import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import type { Route } from './+types/import';
import { FieldError, TextField } from '~/components/ui/field';
import { ChoiceField, FormErrors, SelectField } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { formatDate } from '~/domain/portfolio/labels';
import { quarterOf } from '~/domain/pmc/quarter';
import { ImportSchema, MAX_UPLOAD_BYTES } from '~/schemas/survey';
import { importDataset } from '~/commands/surveys';
import { datasetsOf } from '#db/queries/surveys';
import { quarterLabel } from '~/domain/surveys/quarters';
import { requireCollection } from '~/routes/surveys/find.server';
import { dbOf } from '~/web/context.server';
import { SCALE_LABELS } from '~/domain/surveys/format';

export const meta: Route.MetaFunction = () => [
  { title: 'Import survey data | Life Experience Workspace' },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { collection } = await requireCollection(
    { request, context },
    params.collectionId,
    'survey.edit',
  );
  const standing = await datasetsOf(dbOf(context), [collection.id], { standingOnly: true });
  return {
    collection,
    imported: standing.map((d) => quarterLabel(d.fiscal_year, d.quarter)),
    current: quarterOf(new Date().toISOString().slice(0, 10)),
  };
}

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, collection } = await requireCollection(
    { request, context },
    params.collectionId,
    'survey.edit',
  );
  const size = Number(request.headers.get('content-length') ?? 0);
  if (size > MAX_UPLOAD_BYTES + 64 * 1024)
    return data(
      {
        result: {
          status: 'error' as const,
          error: {
            file: [
              `The file is larger than ${MB(MAX_UPLOAD_BYTES)}. Split it, or leave out the open text.`,
            ],
          },
        },
        lines: [] as string[],
        badRows: 0,
      },
      { status: 413 },
    );
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: ImportSchema });
  const file = form.get('file');
  const fileError =
    !(file instanceof File) || file.size === 0
      ? 'Choose the CSV file to import.'
      : file.size > MAX_UPLOAD_BYTES
        ? `The file is larger than ${MB(MAX_UPLOAD_BYTES)}. Split it, or leave out the open text.`
        : null;
  if (submission.status !== 'success' || fileError || !(file instanceof File)) {
    const reply = submission.reply({ fieldErrors: fileError ? { file: [fileError] } : {} });
    return data({ result: reply, lines: [] as string[], badRows: 0 }, { status: 400 });
  }
  const outcome = await importDataset(dbOf(context), {
    collectionId: collection.id,
    actorId: user.personId,
    values: submission.value,
    fileName: file.name.slice(0, 200) || 'survey.csv',
    text: await file.text(),
  });
  const { fy, q } = submission.value;
  if (outcome.status === 'invalid') {
    const rows = outcome.badRows;
    const message =
      rows > 0
        ? `Nothing was imported: ${rows.toLocaleString('en-US')} ${rows === 1 ? 'row has' : 'rows have'} errors, listed below. Correct the file and choose it again.`
        : 'Nothing was imported. Correct the file and choose it again.';
    return data(
      {
        result: submission.reply({ fieldErrors: { file: [message] } }),
        lines: outcome.errors,
        badRows: rows,
      },
      { status: 400 },
    );
  }
  if (outcome.status === 'exists') {
    const e = outcome.existing;
    const message = `${quarterLabel(fy, q)} already has ${e.respondents.toLocaleString('en-US')} responses, imported ${formatDate(e.importedAt.slice(0, 10))}${e.importedBy ? ` by ${e.importedBy}` : ''}. To replace them, tick the box and choose the file again; the earlier data stays in the history.`;
    return data(
      {
        result: submission.reply({ fieldErrors: { replace: [message] } }),
        lines: [] as string[],
        badRows: 0,
      },
      { status: 409 },
    );
  }
  throw redirect(`/surveys/${collection.id}?imported=${outcome.datasetId}`);
}

export default function ImportSurvey({ loaderData, actionData }: Route.ComponentProps) {
  const { collection: c, imported, current } = loaderData;
  const [form, fields] = useForm<{
    fy: string;
    q: string;
    volumeOfCustomers: string;
    customersOffered: string;
    openText: string;
    replace: string;
    file: File;
  }>({
    id: 'import',
    lastResult: actionData?.result,
    defaultValue: { fy: String(current.fy), q: String(current.q) },
    shouldValidate: 'onSubmit',
  });
  const lines = actionData?.lines ?? [];
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${c.portfolio_slug}`, label: c.portfolio_name },
          { to: `/portfolios/${c.portfolio_slug}/surveys`, label: 'Post-transaction surveys' },
          { to: `/surveys/${c.id}`, label: c.service_name },
          { label: 'Import' },
        ]}
      />
      <h1>Import a quarter’s survey data</h1>
      <p>
        A CSV file with one row per response, in Touchpoints’ columns: <code>question_1</code> (
        {SCALE_LABELS[c.scale]}), <code>positive_</code> and <code>negative_</code> for
        effectiveness, ease, efficiency, transparency, humanity, employee and other (1, 0, or blank
        when the question was not shown), and optionally <code>question_4</code>, the open text.
        Other columns are ignored. Every row is checked before anything is saved.
      </p>
      {imported.length > 0 ? <p>Quarters with data already: {imported.join(', ')}.</p> : null}
      <FormErrors form={form} />
      <Form
        method="post"
        encType="multipart/form-data"
        className="usa-form usa-form--large"
        {...getFormProps(form)}
      >
        <TextField
          field={fields.fy}
          label="Fiscal year"
          hint="For example 2026 (October 2025 to September 2026)."
        />
        <SelectField
          field={fields.q}
          label="Quarter"
          options={[1, 2, 3, 4].map((n) => ({ value: n, label: `Q${n}` }))}
        />
        <TextField
          field={fields.volumeOfCustomers}
          label="Volume of customers this quarter"
          hint="Everyone served, surveyed or not."
        />
        <TextField
          field={fields.customersOffered}
          label="Customers offered the survey this quarter"
          hint="The response rate is the file’s responses divided by this number."
        />
        <div
          className={`usa-form-group${fields.file.errors?.length ? ' usa-form-group--error' : ''}`}
        >
          <label className="usa-label" htmlFor={fields.file.id}>
            CSV file
          </label>
          <div className="usa-hint" id={`${fields.file.id}-hint`}>
            At most 64 MB: a million responses without open text is about 35 MB.
          </div>
          <FieldError id={fields.file.errorId} errors={fields.file.errors} />
          {lines.length > 0 ? (
            <ul className="usa-list text-secondary-dark" aria-label="Errors in the file">
              {lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
              {(actionData?.badRows ?? 0) > lines.length ? (
                <li>… and more; the first {lines.length} are listed.</li>
              ) : null}
            </ul>
          ) : null}
          <input
            className="usa-file-input"
            {...getInputProps(fields.file, {
              type: 'file',
              ariaDescribedBy: `${fields.file.id}-hint`,
            })}
            accept=".csv,text/csv"
          />
        </div>
        <ChoiceField
          field={fields.openText}
          legend="Open text"
          type="checkbox"
          hint="question_4 is left out unless you choose it. When kept, email addresses, phone numbers and SSN-like numbers are masked before anything is stored."
          options={[{ value: 'yes', label: 'Import the open text (masked)' }]}
        />
        <ChoiceField
          field={fields.replace}
          legend="A quarter that has data"
          type="checkbox"
          options={[
            {
              value: 'yes',
              label: 'Replace the data already imported for this quarter (it stays in the history)',
            },
          ]}
        />
        <button type="submit" className="usa-button">
          Check and import
        </button>
      </Form>
    </>
  );
}
