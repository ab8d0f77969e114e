/**
 * The text of search entries and of the snippets that come back (issue 23). Pure.
 */
import { HIT_END, HIT_START } from './markers';

/** A record's text as the index keeps it: control characters out, spaces folded. */
export function indexText(...parts: (string | null | undefined)[]): string {
  return parts
    .map((p) =>
      (p ?? '')
        .replace(CONTROL, ' ')
        .replace(/[ \t]+/g, ' ')
        .trim(),
    )
    .filter((p) => p)
    .join('\n');
}

/** Control characters but the line feed: the snippet markers are two of them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/g;

export interface SnippetPart {
  text: string;
  /** One of the words searched for. */
  hit: boolean;
}

/**
 * A snippet as the database marked it, cut into plain text and hits. The parts are text, never
 * markup: the page renders them as text, so whatever a person stored (a script tag in a step
 * title) comes back as the characters they typed.
 */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let hit = false;
  for (const piece of marked.split(new RegExp(`([${HIT_START}${HIT_END}])`))) {
    if (piece === HIT_START) hit = true;
    else if (piece === HIT_END) hit = false;
    else if (piece) {
      const text = piece.replace(/\s+/g, ' ');
      const last = parts[parts.length - 1];
      if (last && last.hit === hit) last.text += text;
      else parts.push({ text, hit });
    }
  }
  return parts;
}

interface TextNode {
  type?: string;
  text?: string;
  content?: TextNode[];
}

/** The words of a rich-text (tiptap) document or part of one, blocks on lines of their own. */
export function docText(nodes: readonly TextNode[] | undefined): string {
  const lines: string[] = [];
  const inline = (n: TextNode): string =>
    n.type === 'text'
      ? (n.text ?? '')
      : n.type === 'hardBreak'
        ? ' '
        : (n.content ?? []).map(inline).join('');
  const block = (n: TextNode) => {
    const kids = n.content ?? [];
    if (kids.some((k) => k.type === 'text' || k.type === 'hardBreak')) lines.push(inline(n));
    else kids.forEach(block);
  };
  (nodes ?? []).forEach(block);
  return lines.filter((l) => l.trim()).join('\n');
}

/** JSON text as a value, or null when it is not JSON (a record's text is never trusted blindly). */
export function parsedJson(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
