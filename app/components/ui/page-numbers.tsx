import { Link } from '~/components/ui/link';

/** USWDS numbered pagination: one link per page, the current one marked. Nothing for one page. */
export function PageNumbers({
  label,
  hrefs,
  current,
}: {
  /** Names the navigation landmark, e.g. "Pages of portfolios". */
  label: string;
  /** The URL of each page, first to last. */
  hrefs: string[];
  /** The current page, counting from 1. */
  current: number;
}) {
  if (hrefs.length <= 1) return null;
  return (
    <nav aria-label={label} className="usa-pagination">
      <ul className="usa-pagination__list">
        {hrefs.map((href, i) => (
          <li key={href} className="usa-pagination__item usa-pagination__page-no">
            <Link
              to={href}
              className={`usa-pagination__button${i + 1 === current ? ' usa-current' : ''}`}
              aria-current={i + 1 === current ? 'page' : undefined}
              aria-label={`Page ${i + 1}`}
            >
              {i + 1}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Previous and next links around "Page n of m", for lists too long to number every page. */
export function PreviousNext({
  label,
  page,
  pages,
  href,
}: {
  /** Names the navigation landmark, e.g. "Pages of projects". */
  label: string;
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="usa-pagination">
      <ul className="usa-pagination__list">
        {page > 1 ? (
          <li className="usa-pagination__item">
            <Link className="usa-pagination__link" to={href(page - 1)}>
              Previous page
            </Link>
          </li>
        ) : null}
        <li className="usa-pagination__item">
          Page {page} of {pages}
        </li>
        {page < pages ? (
          <li className="usa-pagination__item">
            <Link className="usa-pagination__link" to={href(page + 1)}>
              Next page
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
