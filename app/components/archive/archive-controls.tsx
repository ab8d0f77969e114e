import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import { KIND_NOUNS, recordPath, type ArchiveKind } from '~/domain/archive';
import { formatDate } from '~/domain/portfolio/labels';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';

interface Props {
  kind: ArchiveKind;
  id: number;
  version: number;
  state: {
    info: { archivedAt: string; byName: string | null; byAgency: string | null } | null;
    mayArchive: boolean;
    mayDelete: boolean;
  };
}

/**
 * The archive state of a record, in its page's header: while archived, a banner saying when and
 * by whom, what archiving means, and Restore (for those who may edit) or Delete permanently (for
 * OMB leads); otherwise an Archive button for those who may edit. Plain forms: no script needed.
 */
export function ArchiveControls({ kind, id, version, state }: Props) {
  const noun = KIND_NOUNS[kind];
  const base = recordPath(kind, id);
  const { info } = state;
  if (!info) {
    if (!state.mayArchive) return null;
    return (
      <Form method="post" action={`${base}/archive`} className="margin-y-1">
        <input type="hidden" name="intent" value="archive" />
        <input type="hidden" name="version" value={version} />
        <button type="submit" className="usa-button usa-button--outline">
          Archive this {noun}
        </button>
      </Form>
    );
  }
  const who = info.byName ? ` by ${info.byName}${info.byAgency ? ` (${info.byAgency})` : ''}` : '';
  return (
    <section
      className="usa-alert usa-alert--warning margin-y-2"
      aria-labelledby="archived-heading"
      data-testid="archived-banner"
    >
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading" id="archived-heading">
          Archived on {formatDate(info.archivedAt)}
          {who}
        </h2>
        <p className="usa-alert__text">
          This {noun} is archived. Restore it to change it. It is out of the lists, but it stays
          here to read, and everything that links to it or cites its figures keeps working.
          {kind === 'research_activity'
            ? ' Its participants still count toward the Paperwork Reduction Act limit of nine members of the public in 12 months: they were asked, and the law counts them.'
            : kind === 'burden_assessment'
              ? ' It is not counted in the portfolio’s burden totals while archived.'
              : ''}
        </p>
        {state.mayArchive || state.mayDelete ? (
          <ul className="usa-button-group margin-top-1">
            {state.mayArchive ? (
              <li className="usa-button-group__item">
                <Form method="post" action={`${base}/archive`}>
                  <input type="hidden" name="intent" value="restore" />
                  <input type="hidden" name="version" value={version} />
                  <button type="submit" className="usa-button">
                    Restore this {noun}
                  </button>
                </Form>
              </li>
            ) : null}
            {state.mayDelete ? (
              <li className="usa-button-group__item">
                <Link className="usa-button usa-button--secondary" to={`${base}/delete`}>
                  Delete permanently…
                </Link>
              </li>
            ) : null}
          </ul>
        ) : null}
      </div>
    </section>
  );
}

/**
 * A list's "Show archived (N)" filter: archived records are hidden by default; the link (a plain
 * GET, so it works without script) shows them too, marked, and hides them again.
 */
export function ArchivedFilter({
  count,
  showing,
  path,
}: {
  count: number;
  showing: boolean;
  path: string;
}) {
  if (count === 0 && !showing) return null;
  return (
    <p className="margin-y-1">
      {showing ? (
        <Link to={path}>Hide archived ({count})</Link>
      ) : (
        <Link to={`${path}?archived=1`}>Show archived ({count})</Link>
      )}
    </p>
  );
}

/** Said after a record was deleted for good (the list it was in is the next page). */
export function DeletedNotice({ kind }: { kind: ArchiveKind | null }) {
  if (!kind) return null;
  return (
    <div className="usa-alert usa-alert--success usa-alert--slim margin-y-2" role="status">
      <div className="usa-alert__body">
        <p className="usa-alert__text">
          The {KIND_NOUNS[kind]} was deleted permanently. The audit log keeps its history and the
          reason.
        </p>
      </div>
    </div>
  );
}

/** A tag beside an archived record's name in a list. */
export function ArchivedTag({ at }: { at: string | null }) {
  if (!at) return null;
  return <span className="usa-tag bg-base-dark margin-left-1">Archived {formatDate(at)}</span>;
}

/**
 * An edit page of an archived record (decision 024): the page stays at its address, but in place
 * of its forms it says the record is archived, offers Restore (only people who may edit reach an
 * edit page, and they may restore) and leads back to the record. Nothing here changes it.
 */
export function ArchivedEditNotice({
  kind,
  id,
  version,
  title,
}: {
  kind: ArchiveKind;
  id: number;
  version: number;
  title: string;
}) {
  const noun = KIND_NOUNS[kind];
  const base = recordPath(kind, id);
  return (
    <section
      className="usa-alert usa-alert--warning margin-y-2"
      aria-labelledby="archived-edit-heading"
      data-testid="archived-edit"
    >
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading" id="archived-edit-heading">
          This {noun} is archived. Restore it to change it.
        </h2>
        <p className="usa-alert__text">
          “{title}” stays readable at its own page, but it cannot be changed while it is archived.
        </p>
        <ul className="usa-button-group margin-top-1">
          <li className="usa-button-group__item">
            <Form method="post" action={`${base}/archive`}>
              <input type="hidden" name="intent" value="restore" />
              <input type="hidden" name="version" value={version} />
              <button type="submit" className="usa-button">
                Restore this {noun}
              </button>
            </Form>
          </li>
          <li className="usa-button-group__item">
            <Link className="usa-button usa-button--outline" to={base}>
              Back to the {noun}
            </Link>
          </li>
        </ul>
      </div>
    </section>
  );
}

/**
 * The whole page an edit URL shows while its record is archived: where it is, the page's
 * heading, and the notice with Restore.
 */
export function ArchivedEditPage({
  crumbs,
  heading,
  ...record
}: {
  crumbs: { to?: string; label: string }[];
  heading: string;
  kind: ArchiveKind;
  id: number;
  version: number;
  title: string;
}) {
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <h1>{heading}</h1>
      <ArchivedEditNotice {...record} />
    </>
  );
}
