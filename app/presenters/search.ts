/**
 * What the search page shows (issue 23), as app/presenters/search.server.ts makes it from the
 * index: types only, so the page's components can name them.
 */
import type { SearchKind } from '~/domain/search/kinds';
import type { SnippetPart } from '~/domain/search/text';
import type { SearchErrors } from '~/schemas/search';

export interface ResultView {
  key: string;
  title: string;
  /** The title with the words found marked. */
  titleParts: SnippetPart[];
  context: string;
  url: string;
  archived: boolean;
  changedOn: string;
  snippet: SnippetPart[];
}

export interface GroupView {
  kind: SearchKind;
  heading: string;
  count: number;
  results: ResultView[];
}

export interface SearchView {
  /** What the boxes hold: what was typed, kept even when it was refused. */
  typed: { q: string; type: string; portfolio: string; phase: string; changed: string };
  errors: SearchErrors;
  /** The query as it was read ('' when nothing was searched). */
  readAs: string;
  truncated: boolean;
  /** Why nothing was searched, when nothing was. */
  notRun: 'empty' | 'only-exclusions' | 'refused' | null;
  total: number;
  counts: { kind: SearchKind; label: string; count: number }[];
  groups: GroupView[];
  /** One kind shown page by page. */
  paging: { page: number; pages: number } | null;
  /** The filters in use, by their query parameter and their name in a sentence. */
  filters: { key: 'type' | 'portfolio' | 'phase' | 'changed'; name: string }[];
  options: {
    portfolios: { value: string; label: string }[];
    phases: { value: string; label: string }[];
    kinds: { value: string; label: string }[];
    changed: { value: string; label: string }[];
  };
}
