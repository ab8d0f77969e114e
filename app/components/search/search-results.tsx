import { Link } from '~/components/ui/link';
import { PreviousNext } from '~/components/ui/page-numbers';
import { pluralize } from '~/domain/plural';
import type { GroupView, ResultView, SearchView } from '~/presenters/search';

/** The search's own address with some parameters changed ('' removes one). */
export function searchHref(typed: SearchView['typed'], change: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...typed, ...change })) if (v) params.set(k, v);
  return `/search?${params.toString()}`;
}

/** Text with the words found marked: every part is text, so nothing stored runs as markup. */
function Marked({ parts }: { parts: ResultView['snippet'] }) {
  return <>{parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}

function Result({ r }: { r: ResultView }) {
  return (
    <li className="margin-bottom-3">
      <p className="margin-0 font-sans-md text-bold">
        <Link to={r.url}>
          <Marked parts={r.titleParts} />
        </Link>
        {r.archived ? <span className="usa-tag margin-left-1">Archived</span> : null}
      </p>
      <p className="margin-0 text-base-dark font-sans-2xs">
        {r.context} · changed {r.changedOn}
      </p>
      {r.snippet.length > 0 ? (
        <p className="margin-top-05 margin-bottom-0 measure-5">
          <Marked parts={r.snippet} />
        </p>
      ) : null}
    </li>
  );
}

function Group({ g, view }: { g: GroupView; view: SearchView }) {
  const headingId = `results-${g.kind}`;
  const more = g.count - g.results.length;
  return (
    <section aria-labelledby={headingId} className="margin-top-4">
      <h2 id={headingId}>
        {g.heading} <span className="text-normal">({g.count})</span>
      </h2>
      <ol className="usa-list usa-list--unstyled">
        {g.results.map((r) => (
          <Result key={r.key} r={r} />
        ))}
      </ol>
      {!view.paging && more > 0 ? (
        <p>
          <Link to={searchHref(view.typed, { type: g.kind, page: '' })}>
            See all {g.count} results in {g.heading}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** What was found, by kind, or why nothing was. */
export function SearchResults({ view }: { view: SearchView }) {
  if (view.notRun === 'refused') return null;
  if (view.notRun === 'empty')
    return <p>Type one or more words to find portfolios, projects, plans, journeys and more.</p>;
  if (view.notRun === 'only-exclusions')
    return (
      <p>
        Add a word to look for: a minus only leaves words out of what is found (you searched{' '}
        {view.readAs}).
      </p>
    );
  // With a kind chosen, what is said is about that kind; the other kinds stay one link away.
  const kind = view.typed.type
    ? view.options.kinds.find((k) => k.value === view.typed.type)
    : undefined;
  const shown = kind ? (view.counts.find((c) => c.kind === kind.value)?.count ?? 0) : view.total;
  return (
    <>
      <p role="status" className="font-sans-md">
        {shown === 0 ? 'No results' : pluralize(shown, 'result')} for {view.readAs}
        {kind ? ` in ${kind.label}` : ''}.
        {view.truncated ? ' Only the first 12 words and phrases were used.' : null}
      </p>
      {shown === 0 && view.filters.length > 0 ? (
        <div>
          <p>Try the search without a filter:</p>
          <ul className="usa-list">
            {view.filters.map((f) => (
              <li key={f.key}>
                <Link to={searchHref(view.typed, { [f.key]: '', page: '' })}>
                  Remove the {f.name} filter
                </Link>
              </li>
            ))}
            {view.filters.length > 1 ? (
              <li>
                <Link
                  to={searchHref(
                    { ...view.typed, type: '', portfolio: '', phase: '', changed: '' },
                    {},
                  )}
                >
                  Remove every filter
                </Link>
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
      {view.counts.length > 1 || (view.typed.type && view.counts.length > 0) ? (
        <nav aria-label="Results by kind">
          <ul
            className="usa-list usa-list--unstyled display-flex flex-wrap"
            style={{ gap: '0.5rem 1.5rem' }}
          >
            {view.typed.type ? (
              <li>
                <Link to={searchHref(view.typed, { type: '', page: '' })}>
                  Every kind ({view.total})
                </Link>
              </li>
            ) : null}
            {view.counts.map((c) => (
              <li key={c.kind}>
                {view.typed.type === c.kind ? (
                  <span aria-current="page" className="text-bold">
                    {c.label} ({c.count})
                  </span>
                ) : (
                  <Link to={searchHref(view.typed, { type: c.kind, page: '' })}>
                    {c.label} ({c.count})
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {view.groups.map((g) => (
        <Group key={g.kind} g={g} view={view} />
      ))}
      {view.paging ? (
        <PreviousNext
          label="Pages of results"
          page={view.paging.page}
          pages={view.paging.pages}
          href={(page) => searchHref(view.typed, { page: String(page) })}
        />
      ) : null}
    </>
  );
}
