import type { BurdenCategory } from './calc';

export const CATEGORY_LABELS: Record<BurdenCategory, string> = {
  learning: 'Learning',
  compliance: 'Compliance',
  psychological: 'Psychological',
};
