import { z } from 'zod';
import { IdParam, optionalText, requiredText } from './common';

const PhaseEnum = z.enum(['discovery', 'design', 'development', 'measurement'], {
  error: 'Choose a phase.',
});

export const RequestPhaseSchema = z.object({
  intent: z.literal('request'),
  toPhase: PhaseEnum,
  evidence: requiredText('evidence summary', 5000),
});

export const AnswerSchema = z.object({
  intent: z.literal('answer'),
  agencyId: IdParam,
  answer: z.enum(['concur', 'concur_with_comments', 'non_concur'], {
    error: 'Choose your agency’s answer.',
  }),
  comment: optionalText('comment', 5000),
});

export const OverrideSchema = z.object({
  intent: z.literal('override'),
  decision: z.enum(['advance', 'hold'], { error: 'Choose advance or hold.' }),
  reason: requiredText('reason for the override', 5000),
});

export const MoveBackSchema = z.object({
  intent: z.literal('move_back'),
  toPhase: PhaseEnum,
  reason: requiredText('reason for moving back', 5000),
});

export const ReaffirmSchema = z.object({ intent: z.literal('reaffirm'), agencyId: IdParam });

/** Every form on the phase-gate page; `intent` says which. */
export const PhaseGateSchema = z.discriminatedUnion('intent', [
  RequestPhaseSchema,
  AnswerSchema,
  OverrideSchema,
  MoveBackSchema,
  ReaffirmSchema,
]);
export type PhaseGateInput = z.output<typeof PhaseGateSchema>;
