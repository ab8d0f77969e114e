import type { Route } from './+types/search';
import { SearchForm } from '~/components/search/search-form';
import { SearchResults } from '~/components/search/search-results';
import { searchView } from '~/presenters/search.server';
import { dbOf, requireUser } from '~/web/context.server';
import { authorize } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = ({ data }) => [
  {
    title: `${data?.readAs ? `Search: ${data.readAs}` : 'Search'} | Life Experience Workspace`,
  },
];

/** Search the whole workspace (issue 23): only what the person's pages show them. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'program.read');
  return searchView(dbOf(context), user, new URL(request.url).searchParams);
}

export default function Search({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1>Search</h1>
      <SearchForm view={loaderData} />
      <SearchResults view={loaderData} />
    </>
  );
}
