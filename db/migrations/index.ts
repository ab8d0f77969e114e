import type { Migration } from 'kysely';
import * as foundation from './2026-11-22-01-foundation';
import * as phaseGates from './2026-11-22-02-phase-gates';
import * as journeys from './2026-11-22-03-journeys';
import * as burden from './2026-11-22-04-burden';
import * as research from './2026-11-22-05-research';
import * as auditPortfolioIndex from './2026-11-22-06-audit-portfolio-index';
import * as actionPlans from './2026-11-22-07-action-plans';
import * as planEvidence from './2026-11-22-08-plan-evidence-comments';
import * as pmcUpdates from './2026-11-22-09-pmc-updates';
import * as hotQueryIndexes from './2026-11-22-10-hot-query-indexes';
import * as pmcItemOrder from './2026-11-22-11-pmc-item-order';
import * as clearanceVersion from './2026-11-22-12-clearance-version';
import * as segmentTimePercent from './2026-12-04-13-segment-time-percent';
import * as archive from './2026-12-04-14-archive';
import * as personTimeZone from './2026-12-05-15-person-time-zone';
import * as collabDocuments from './2026-12-05-16-collab-documents';
import * as pmcWithdrawCorrect from './2026-12-06-17-pmc-withdraw-correct';
import * as successMeasures from './2026-12-06-18-success-measures';
import * as evaluationPlans from './2026-12-06-19-evaluation-plans';
import * as surveyCollections from './2026-12-06-20-survey-collections';
import * as measureSources from './2026-12-06-21-measure-sources';
import * as federalSignIn from './2026-12-06-22-federal-sign-in';
import * as notifications from './2026-12-06-23-notifications';
import * as notificationPreferences from './2026-12-06-24-notification-preferences';
import * as search from './2026-12-06-25-search';

/**
 * Every migration, in order. Listed statically (not read from disk) so they travel inside the
 * server bundle. Add new files at the end; never edit one that has landed.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-22-01-foundation': foundation,
  '2026-11-22-02-phase-gates': phaseGates,
  '2026-11-22-03-journeys': journeys,
  '2026-11-22-04-burden': burden,
  '2026-11-22-05-research': research,
  '2026-11-22-06-audit-portfolio-index': auditPortfolioIndex,
  '2026-11-22-07-action-plans': actionPlans,
  '2026-11-22-08-plan-evidence-comments': planEvidence,
  '2026-11-22-09-pmc-updates': pmcUpdates,
  '2026-11-22-10-hot-query-indexes': hotQueryIndexes,
  '2026-11-22-11-pmc-item-order': pmcItemOrder,
  '2026-11-22-12-clearance-version': clearanceVersion,
  '2026-12-04-13-segment-time-percent': segmentTimePercent,
  '2026-12-04-14-archive': archive,
  '2026-12-05-15-person-time-zone': personTimeZone,
  '2026-12-05-16-collab-documents': collabDocuments,
  '2026-12-06-17-pmc-withdraw-correct': pmcWithdrawCorrect,
  '2026-12-06-18-success-measures': successMeasures,
  '2026-12-06-19-evaluation-plans': evaluationPlans,
  '2026-12-06-20-survey-collections': surveyCollections,
  '2026-12-06-21-measure-sources': measureSources,
  '2026-12-06-22-federal-sign-in': federalSignIn,
  '2026-12-06-23-notifications': notifications,
  '2026-12-06-24-notification-preferences': notificationPreferences,
  '2026-12-06-25-search': search,
};
