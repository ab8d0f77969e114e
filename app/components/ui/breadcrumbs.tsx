import { Link } from '~/components/ui/link';

/** Where the page sits: USWDS breadcrumbs, the last item the current page. */
export function Breadcrumbs({ items }: { items: { to?: string; label: string }[] }) {
  return (
    <nav aria-label="Breadcrumbs" className="usa-breadcrumb padding-top-2">
      <ol className="usa-breadcrumb__list">
        {items.map((item, i) =>
          item.to && i < items.length - 1 ? (
            <li key={i} className="usa-breadcrumb__list-item">
              <Link to={item.to} className="usa-breadcrumb__link">
                <span>{item.label}</span>
              </Link>
            </li>
          ) : (
            <li key={i} className="usa-breadcrumb__list-item usa-current" aria-current="page">
              <span>{item.label}</span>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
