import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/archive';
import { listPath, loadArchivable } from '~/web/archive.server';
import { FormErrors } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { KIND_NOUNS, recordPath } from '~/domain/archive';
import { refusal } from '~/web/toolkit.server';
import { ArchiveSchema } from '~/schemas/archive';
import { setArchived } from '~/commands/archive';
import { dbOf } from '~/web/context.server';

export const meta: Route.MetaFunction = ({ data }) => [
  {
    title: `${data?.archived ? 'Restore' : 'Archive'} ${data?.record.title ?? 'a record'} | Life Experience Workspace`,
  },
];

/** The page behind a record's Archive or Restore button: what it does, and the button again. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { kind, record } = await loadArchivable({ request, context }, params, 'edit');
  return {
    kind,
    record,
    archived: record.archived_at !== null,
    listPath: listPath(kind, record),
  };
}

/** Archives or restores the record (people who may edit it), then shows its page. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, kind, record } = await loadArchivable({ request, context }, params, 'edit');
  const submission = parseWithZod(await request.formData(), { schema: ArchiveSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  try {
    await setArchived(dbOf(context), {
      kind,
      id: record.id,
      version: submission.value.version,
      actorId: user.personId,
      archive: submission.value.intent === 'archive',
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(recordPath(kind, record.id));
}

export default function ArchivePage({ loaderData, actionData }: Route.ComponentProps) {
  const { kind, record, archived } = loaderData;
  const noun = KIND_NOUNS[kind];
  const errors = Object.values(actionData?.result.error ?? {})
    .flat()
    .filter((e): e is string => typeof e === 'string');
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${record.portfolio_slug}`, label: record.portfolio_name },
          { to: loaderData.listPath, label: 'List' },
          { to: recordPath(kind, record.id), label: record.title },
          { label: archived ? 'Restore' : 'Archive' },
        ]}
      />
      <h1>
        {archived ? 'Restore' : 'Archive'} the {noun} “{record.title}”
      </h1>
      <FormErrors id="archive-errors" errors={errors.length ? errors : undefined} />
      {archived ? (
        <p>Restoring puts it back in the lists, and it can be changed again.</p>
      ) : (
        <p>
          Archiving takes it out of the lists and out of the choices for new links. It stays
          readable at its own address, links and citations keep working, and anyone who may edit it
          can restore it.
          {kind === 'research_activity'
            ? ' Its participants still count toward the Paperwork Reduction Act limit.'
            : ''}
        </p>
      )}
      <Form method="post">
        <input type="hidden" name="intent" value={archived ? 'restore' : 'archive'} />
        <input type="hidden" name="version" value={record.version} />
        <ul className="usa-button-group">
          <li className="usa-button-group__item">
            <button type="submit" className="usa-button">
              {archived ? 'Restore' : 'Archive'} this {noun}
            </button>
          </li>
          <li className="usa-button-group__item">
            <Link className="usa-button usa-button--outline" to={recordPath(kind, record.id)}>
              Cancel
            </Link>
          </li>
        </ul>
      </Form>
    </>
  );
}
