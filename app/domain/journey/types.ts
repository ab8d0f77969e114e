/** The part of a journey map that a Mermaid `journey` diagram carries. */
export interface JourneyDiagram {
  title: string;
  /** Accessible description (Mermaid `accDescr`); empty for none. */
  description: string;
  stages: DiagramStage[];
}

export interface DiagramStage {
  name: string;
  steps: DiagramStep[];
}

export interface DiagramStep {
  title: string;
  /** Experience score, 1 (very poor) to 5 (very good). */
  score: number;
  actors: string[];
}

/**
 * Lengths (in UTF-16 code units, as zod's `max` and `String.length` count them) and counts that the
 * edit forms and the Mermaid import share, so an imported map can always be saved again from the
 * edit pages.
 */
export const JOURNEY_LIMITS = {
  title: 200,
  description: 1000,
  stageName: 200,
  stepTitle: 300,
  actorName: 100,
  actorsPerStep: 10,
} as const;

export const SCORE_LABELS: Record<number, string> = {
  1: '1, very poor',
  2: '2, poor',
  3: '3, neutral',
  4: '4, good',
  5: '5, very good',
};

export const CHANNELS = [
  'web',
  'phone',
  'in person',
  'mail',
  'email',
  'text',
  'mobile app',
  'video',
  'other',
] as const;

export const VERSION_LABELS = { as_is: 'As-is', to_be: 'To-be', other: 'Other version' } as const;
export type VersionLabel = keyof typeof VERSION_LABELS;

/** "To-be: 2027 redesign", or just "As-is". */
export function versionText(label: VersionLabel, name: string): string {
  return name ? `${VERSION_LABELS[label]}: ${name}` : VERSION_LABELS[label];
}
