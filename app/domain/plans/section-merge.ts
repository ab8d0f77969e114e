/**
 * Merging a plan saved from a page without JavaScript (the Markdown form) into the plan as it is
 * now, section by section. The person's page was read at a base version; since then others may
 * have changed the plan live. A section the person did not change keeps what is there now; a
 * section only the person changed takes their text; a section both changed is not overwritten:
 * it keeps the current text and is reported as a conflict with both texts, so the person can
 * merge it by hand. Sections are the plan's level-2 headings (the A-11 280.15 template's); what
 * comes before the first heading is a section of its own.
 */
import type { DocNode } from './document';

export interface Section {
  /** The heading's text with its occurrence (a second "Notes" is "Notes#2"); '' before any. */
  key: string;
  /** The heading as written ('' for the part before the first heading). */
  title: string;
  nodes: DocNode[];
}

export interface SectionConflict {
  key: string;
  title: string;
  /** What the person submitted for the section (empty when they removed it). */
  mine: DocNode[];
  /** What the section holds now (empty when someone else removed it). */
  theirs: DocNode[];
}

export interface SectionMerge {
  doc: DocNode;
  /** Sections whose text the person's save changed. */
  applied: string[];
  conflicts: SectionConflict[];
}

function headingText(node: DocNode): string {
  return (node.content ?? []).map((c) => (c.type === 'text' ? (c.text ?? '') : '')).join('');
}

/** The document cut at its level-2 headings, in order. */
export function splitSections(doc: DocNode): Section[] {
  const sections: Section[] = [{ key: '', title: '', nodes: [] }];
  const seen = new Map<string, number>();
  for (const node of doc.content ?? []) {
    if (node.type === 'heading' && Number(node.attrs?.level ?? 2) === 2) {
      const title = headingText(node).trim();
      const n = (seen.get(title) ?? 0) + 1;
      seen.set(title, n);
      sections.push({ key: n === 1 ? title : `${title}#${n}`, title, nodes: [node] });
    } else {
      sections[sections.length - 1]!.nodes.push(node);
    }
  }
  return sections[0]!.nodes.length === 0 ? sections.slice(1) : sections;
}

const asJson = (nodes: DocNode[]) => JSON.stringify(nodes);

/**
 * Three-way merge by section: `base` as the person read it, `mine` as they saved it, `theirs` now.
 * Two sections are the same when `text` makes the same string of them (by default their JSON; a
 * save from Markdown compares as Markdown, so what Markdown cannot say is not a change).
 */
export function mergeBySection(
  base: DocNode,
  mine: DocNode,
  theirs: DocNode,
  text: (nodes: DocNode[]) => string = asJson,
): SectionMerge {
  const same = (a: DocNode[] | undefined, b: DocNode[] | undefined) =>
    a === undefined || b === undefined ? a === b : text(a) === text(b);
  const byKey = (doc: DocNode) => new Map(splitSections(doc).map((s) => [s.key, s]));
  const [b, m, t] = [byKey(base), byKey(mine), byKey(theirs)];
  // The current order, then sections only the person added, after the one they followed.
  const order = [...t.keys()];
  const mineKeys = [...m.keys()];
  for (const [i, key] of mineKeys.entries()) {
    if (order.includes(key)) continue;
    const after = mineKeys
      .slice(0, i)
      .reverse()
      .find((k) => order.includes(k));
    order.splice(after === undefined ? 0 : order.indexOf(after) + 1, 0, key);
  }
  const applied: string[] = [];
  const conflicts: SectionConflict[] = [];
  const content: DocNode[] = [];
  for (const key of order) {
    const [bs, ms, ts] = [b.get(key)?.nodes, m.get(key)?.nodes, t.get(key)?.nodes];
    let take = ts;
    if (!same(ms, bs)) {
      if (same(ts, bs) || same(ts, ms)) {
        take = ms;
        applied.push(key);
      } else {
        conflicts.push({
          key,
          title: (t.get(key) ?? m.get(key))!.title,
          mine: ms ?? [],
          theirs: ts ?? [],
        });
      }
    }
    if (take) content.push(...take);
  }
  return {
    doc: { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] },
    applied,
    conflicts,
  };
}
