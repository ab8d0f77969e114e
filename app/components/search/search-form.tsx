import { Form } from 'react-router';
import { FieldError } from '~/components/ui/field';
import type { SearchView } from '~/presenters/search';

type Option = { value: string; label: string };

function FilterSelect({
  name,
  label,
  all,
  options,
  value,
  error,
}: {
  name: string;
  label: string;
  all: string;
  options: Option[];
  value: string;
  error?: string;
}) {
  const id = `search-${name}`;
  return (
    <div className={`usa-form-group margin-top-0${error ? ' usa-form-group--error' : ''}`}>
      <label className="usa-label" htmlFor={id}>
        {label}
      </label>
      <FieldError id={`${id}-error`} errors={error ? [error] : undefined} />
      <select
        className="usa-select"
        id={id}
        name={name}
        defaultValue={value}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The search page's own form: the words and the filters, a plain GET (works without JavaScript). */
export function SearchForm({ view }: { view: SearchView }) {
  const { typed, errors, options } = view;
  return (
    // Keyed by the query, so a followed link (a kind, a page) shows in the fields.
    <Form key={JSON.stringify(typed)} method="get" action="/search" className="margin-bottom-4">
      <div className={`usa-form-group${errors.q ? ' usa-form-group--error' : ''}`}>
        <label className="usa-label" htmlFor="search-q">
          Words to find
        </label>
        <div className="usa-hint" id="search-q-hint">
          Put a phrase in quotes (“ex parte renewal”); put a minus before a word to leave it out
          (-draft).
        </div>
        <FieldError id="search-q-error" errors={errors.q ? [errors.q] : undefined} />
        <input
          className={`usa-input maxw-tablet${errors.q ? ' usa-input--error' : ''}`}
          id="search-q"
          name="q"
          // Not type="search": USWDS styles every search input as the header's small box.
          type="text"
          enterKeyHint="search"
          defaultValue={typed.q}
          aria-describedby={errors.q ? 'search-q-hint search-q-error' : 'search-q-hint'}
        />
      </div>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend text-bold margin-top-0">Filters</legend>
        <div className="display-flex flex-wrap flex-align-end" style={{ gap: '1rem' }}>
          <FilterSelect
            name="type"
            label="Kind of result"
            all="Every kind"
            options={options.kinds}
            value={typed.type}
            error={errors.type}
          />
          <FilterSelect
            name="portfolio"
            label="Portfolio"
            all="Every portfolio"
            options={options.portfolios}
            value={typed.portfolio}
            error={errors.portfolio}
          />
          <FilterSelect
            name="phase"
            label="Project phase"
            all="Any phase"
            options={options.phases}
            value={typed.phase}
            error={errors.phase}
          />
          <FilterSelect
            name="changed"
            label="Changed"
            all="Any time"
            options={options.changed.filter((o) => o.value !== 'any')}
            value={typed.changed === 'any' ? '' : typed.changed}
            error={errors.changed}
          />
        </div>
      </fieldset>
      <button className="usa-button margin-top-2" type="submit">
        Search
      </button>
    </Form>
  );
}
