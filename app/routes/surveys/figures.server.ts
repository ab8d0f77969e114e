import { collectionQuarters, type CollectionForFigures } from '~/domain/surveys/quarters';
import { cachedPageForPortfolio } from '#db/cache';
import type { DB } from '#db/client';
import { collectionProjects, datasetsOf, getSurveyMinimum } from '#db/queries/surveys';
import { requireCollection } from '~/routes/surveys/find.server';
import { dbOf, type RequestArgs } from '~/web/context.server';

/**
 * A collection's datasets, projects and standing quarters' figures. The same for every reader, so
 * worked out again only when something in the portfolio (an import, an edit) or the workspace (the
 * minimum) has changed.
 */
export function collectionFigures(
  db: DB,
  collection: CollectionForFigures & { id: number; portfolio_id: number },
) {
  return cachedPageForPortfolio(
    db,
    collection.portfolio_id,
    `survey:${collection.id}`,
    async () => {
      const [datasets, projects, { minimum }] = await Promise.all([
        datasetsOf(db, [collection.id]),
        collectionProjects(db, collection.id),
        getSurveyMinimum(db),
      ]);
      const standing = datasets.filter((d) => d.replaced_at === null);
      const quarters = collectionQuarters(collection, standing, minimum);
      return { datasets, projects, minimum, quarters };
    },
  );
}

/** A collection the person may read, with every dataset and the standing quarters' figures. */
export async function loadCollectionFigures(args: RequestArgs, idParam: string | undefined) {
  const { user, collection } = await requireCollection(args, idParam, 'portfolio.read');
  const figures = await collectionFigures(dbOf(args.context), collection);
  // `basis`: the kept figures themselves, the same object until they change (render markup once).
  return { user, collection, basis: figures, ...figures };
}
