import { Form } from 'react-router';
import { FieldError } from '~/components/ui/field';
import { FilterSelect } from '~/components/ui/filter-select';
import type { SearchView } from '~/presenters/search';

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
            id="search-type"
            name="type"
            label="Kind of result"
            all="Every kind"
            options={options.kinds}
            value={typed.type}
            error={errors.type}
          />
          <FilterSelect
            id="search-portfolio"
            name="portfolio"
            label="Portfolio"
            all="Every portfolio"
            options={options.portfolios}
            value={typed.portfolio}
            error={errors.portfolio}
          />
          <FilterSelect
            id="search-phase"
            name="phase"
            label="Project phase"
            all="Any phase"
            options={options.phases}
            value={typed.phase}
            error={errors.phase}
          />
          <FilterSelect
            id="search-changed"
            name="changed"
            label="Changed"
            all="Any time"
            options={options.changed}
            value={typed.changed}
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
