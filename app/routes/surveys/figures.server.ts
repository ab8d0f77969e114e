import { collectionQuarters } from '~/domain/surveys/quarters';
import { collectionProjects, datasetsOf, getSurveyMinimum } from '#db/queries/surveys';
import { requireCollection } from '~/routes/surveys/find.server';
import { dbOf, type RequestArgs } from '~/web/context.server';

/** A collection the person may read, with every dataset and the standing quarters' figures. */
export async function loadCollectionFigures(args: RequestArgs, idParam: string | undefined) {
  const { user, collection } = await requireCollection(args, idParam, 'portfolio.read');
  const db = dbOf(args.context);
  const [datasets, projects, { minimum }] = await Promise.all([
    datasetsOf(db, [collection.id]),
    collectionProjects(db, collection.id),
    getSurveyMinimum(db),
  ]);
  const standing = datasets.filter((d) => d.replaced_at === null);
  const quarters = collectionQuarters(collection, standing, minimum);
  return { user, collection, datasets, projects, minimum, quarters };
}
