import { z } from 'zod';
import { EVALUATION_DESIGNS, type EvaluationDesign } from '~/domain/evaluations/plan';
import { IdList, optionalText, requiredText, VersionField } from './common';

const DESIGNS = Object.keys(EVALUATION_DESIGNS) as [EvaluationDesign, ...EvaluationDesign[]];

/**
 * An evaluation plan's design, as its form sends it. Every part but the title may be left for
 * later while it is a draft; approving asks for all of them (app/domain/evaluations/plan.ts).
 */
const fields = {
  title: requiredText('title', 200),
  questions: optionalText('evaluation questions', 5000),
  design: z.enum(DESIGNS, { error: 'Choose a design.' }),
  designDetail: optionalText('design detail', 5000),
  population: optionalText('population', 2000),
  sample: optionalText('sample', 2000),
  analysisPlan: optionalText('analysis plan', 5000),
  decisionRule: optionalText('decision rule', 2000),
  activityIds: IdList,
};

export const NewEvaluationSchema = z.object(fields);
export const EditEvaluationSchema = z.object({ ...fields, version: VersionField });
export type EvaluationInput = z.infer<typeof NewEvaluationSchema>;

/** The plan page's buttons: its status moves; reporting carries the findings. */
export const EvaluationMoveSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), version: VersionField }),
  z.object({ intent: z.literal('reopen'), version: VersionField }),
  z.object({ intent: z.literal('start'), version: VersionField }),
  z.object({
    intent: z.literal('report'),
    version: VersionField,
    findings: requiredText('findings', 10_000),
  }),
]);
