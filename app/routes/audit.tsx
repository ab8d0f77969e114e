import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import { FilterSelect } from '~/components/ui/filter-select';
import type { Route } from './+types/audit';
import { HistorySentence, HistoryTime } from '~/components/history/history-line';
import { FieldError } from '~/components/ui/field';
import type { FieldChanges } from '~/domain/audit';
import { kindLabel } from '~/domain/history/describe';
import { historyLines } from '~/presenters/history.server';
import { parseAuditFilters } from '~/schemas/audit';
import { auditFilterOptions, listAudit } from '#db/queries/audit';
import { dbOf, requireUser } from '~/web/context.server';
import { authorize } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = () => [{ title: 'Audit log | Life Experience Workspace' }];

const PAGE_SIZE = 50;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'audit.read');
  const params = new URL(request.url).searchParams;
  const db = dbOf(context);
  const options = await auditFilterOptions(db);
  const { values, errors } = parseAuditFilters(params, {
    kinds: options.entityTypes,
    people: options.actors.map((a) => a.id),
  });
  const page = await listAudit(db, {
    entityType: values.entity,
    entityId: values.record,
    actorId: values.person,
    beforeId: values.before,
    limit: PAGE_SIZE,
  });
  const lines = await historyLines(db, page.rows, user.timeZone);
  return {
    rows: page.rows.map((r, i) => ({
      ...r,
      changes: safeParseChanges(r.changes),
      line: lines[i]!,
    })),
    hasMore: page.hasMore,
    options: {
      ...options,
      entityTypes: options.entityTypes.map((t) => ({ value: t, label: kindLabel(t) })),
    },
    filters: {
      entity: values.entity ?? '',
      record: values.record ?? '',
      person: values.person ? String(values.person) : '',
    },
    raw: {
      entity: params.get('entity') ?? '',
      record: params.get('record') ?? '',
      person: params.get('person') ?? '',
    },
    errors: { entity: errors.entity, record: errors.record, person: errors.person },
  };
}

function safeParseChanges(json: string): FieldChanges {
  try {
    return JSON.parse(json) as FieldChanges;
  } catch {
    return {};
  }
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

export default function AuditPage({ loaderData }: Route.ComponentProps) {
  const { rows, hasMore, options, filters, raw, errors } = loaderData;
  const last = rows.at(-1);
  const olderParams = new URLSearchParams();
  if (filters.entity) olderParams.set('entity', filters.entity);
  if (filters.record) olderParams.set('record', filters.record);
  if (filters.person) olderParams.set('person', filters.person);
  if (last) olderParams.set('before', String(last.id));
  return (
    <>
      <h1>Audit log</h1>
      <p className="usa-intro">
        Every change in the workspace: who made it, when (Eastern time), and what changed. Each
        entry’s details keep the fields exactly as recorded.
      </p>
      {/* Keyed by the query so a new filter (a Record link, say) shows in the fields. */}
      <Form
        key={`${raw.entity}|${raw.record}|${raw.person}`}
        method="get"
        className="usa-form maxw-full display-flex flex-wrap flex-align-end"
        style={{ gap: '1rem' }}
      >
        <FilterSelect
          id="entity"
          name="entity"
          label="Kind of record"
          value={filters.entity}
          error={errors.entity}
          options={options.entityTypes}
          all="All"
        />
        <div
          className={`usa-form-group margin-top-0${errors.record ? ' usa-form-group--error' : ''}`}
        >
          <label className="usa-label" htmlFor="record">
            Record id
          </label>
          <div className="usa-hint" id="record-hint">
            With a kind of record, as an entry’s details show it
          </div>
          <FieldError id="record-error" errors={errors.record ? [errors.record] : undefined} />
          <input
            className={`usa-input usa-input--medium${errors.record ? ' usa-input--error' : ''}`}
            id="record"
            name="record"
            type="text"
            spellCheck={false}
            autoComplete="off"
            defaultValue={raw.record}
            aria-describedby={errors.record ? 'record-hint record-error' : 'record-hint'}
          />
        </div>
        <FilterSelect
          id="person"
          name="person"
          label="Person"
          value={filters.person}
          error={errors.person}
          options={options.actors.map((a) => ({ value: a.id, label: a.name }))}
          all="Anyone"
        />
        <button type="submit" className="usa-button margin-top-2">
          Filter
        </button>
      </Form>

      {rows.length === 0 ? (
        <p>No entries match.</p>
      ) : (
        <table className="usa-table usa-table--borderless usa-table--stacked width-full">
          <caption className="usa-sr-only">Audit entries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When (Eastern time)</th>
              <th scope="col">What happened</th>
              <th scope="col">Recorded fields</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td data-label="When (Eastern time)">
                  <HistoryTime at={r.line.at} when={r.line.when} />
                </td>
                <td data-label="What happened">
                  <HistorySentence line={r.line} />
                </td>
                <td data-label="Recorded fields">
                  <details>
                    <summary>
                      Details<span className="usa-sr-only"> of entry {r.id}</span>
                    </summary>
                    <dl className="font-body-2xs margin-top-1">
                      <dt className="text-bold">Action</dt>
                      <dd className="margin-left-0">
                        <code>{r.action}</code>
                      </dd>
                      <dt className="text-bold">Record</dt>
                      <dd className="margin-left-0">
                        <Link
                          to={`/audit?${new URLSearchParams({ entity: r.entity_type, record: r.entity_id }).toString()}`}
                        >
                          <code>
                            {r.entity_type} {r.entity_id}
                          </code>
                          <span className="usa-sr-only">: every entry of this record</span>
                        </Link>
                      </dd>
                      <dt className="text-bold">Time (UTC)</dt>
                      <dd className="margin-left-0">
                        <code>{r.at}</code>
                      </dd>
                      <dt className="text-bold">Fields</dt>
                      <dd className="margin-left-0">
                        {Object.keys(r.changes).length === 0 ? (
                          'none'
                        ) : (
                          <ul className="usa-list usa-list--unstyled">
                            {Object.entries(r.changes).map(([field, c]) => (
                              <li key={field}>
                                <code>{field}</code>: {show(c.before)} → {show(c.after)}
                              </li>
                            ))}
                          </ul>
                        )}
                      </dd>
                    </dl>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hasMore ? (
        <Link className="usa-button usa-button--outline" to={`/audit?${olderParams.toString()}`}>
          Older entries
        </Link>
      ) : null}
    </>
  );
}
