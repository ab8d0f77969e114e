/**
 * A CX Action Plan as search entries, one per section (issue 23): a word found in a section
 * opens the plan at that section. Sections are the plan's level-2 headings, as everywhere
 * (domain/plans/section-merge.ts); the read view gives the nth heading the id `section-n`.
 * Pure.
 */
import type { DocNode } from '~/domain/plans/document';
import { splitSections } from '~/domain/plans/section-merge';
import { docText } from './text';

export interface PlanSectionText {
  /** 1-based, among the level-2 headings; 0 for text before the first heading. */
  number: number;
  title: string;
  text: string;
}

/** The anchor the read view gives a plan's nth level-2 heading. */
export function sectionAnchor(number: number): string {
  return `section-${number}`;
}

export function planSectionTexts(doc: unknown): PlanSectionText[] {
  const root = (doc && typeof doc === 'object' ? doc : {}) as DocNode;
  const content = Array.isArray(root.content) ? root.content : [];
  let n = 0;
  return splitSections({ type: 'doc', content }).map((s) => {
    const first = s.nodes[0];
    const headed = first?.type === 'heading' && Number(first.attrs?.level ?? 2) === 2;
    if (!headed) return { number: 0, title: '', text: docText(s.nodes) };
    n += 1;
    // The heading is the entry's title; its text is the rest.
    return { number: n, title: s.title, text: docText(s.nodes.slice(1)) };
  });
}
