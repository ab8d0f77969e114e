/**
 * CX Action Plan documents as Markdown, both ways: the Markdown export, and the plain-text
 * editing form for people without JavaScript (the rich-text editor needs it).
 *
 * `toMarkdown` writes headings, paragraphs, bold, italic, strike-through, code, links, nested
 * bullet and numbered lists, block quotes, rules and tables (GitHub's pipe tables; a cell's
 * paragraphs joined with <br>). Every character Markdown would read as syntax is escaped with a
 * backslash, so text a person typed (a pasted `[x](javascript:…)`, a `# ` at the start, a `|` in
 * a table) stays text. `fromMarkdown` reads that back (and the usual hand-written forms of the
 * same things) into a document that then goes through `sanitizeDoc` like every save.
 * fromMarkdown(toMarkdown(doc)) equals the document, apart from empty paragraphs, underline
 * (Markdown has none) and merged table cells: tests/unit/domain/plans/markdown.test.ts.
 */
import type { DocNode } from './document';

type Mark = NonNullable<DocNode['marks']>[number];

// ---------------------------------------------------------------------------------------------
// Writing

const DELIMITERS: [string, string][] = [
  // Bold as __ and italic as *, so a closing * next to an opening bold never reads as **.
  ['bold', '__'],
  ['italic', '*'],
  ['strike', '~~'],
  ['code', '`'],
];

/** Backslash before every character the reader treats as syntax inside a line. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_~[\]<>|#]/g, '\\$&');
}

/** A link address with the characters that would end it early percent-encoded. */
function escapeHref(href: string): string {
  return href.replace(
    /[()\s<>\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

const delimiterOf = (type: string) => DELIMITERS.find(([t]) => t === type)![1];

function sameMarks(a: Mark[] | undefined, b: Mark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/**
 * The inline content of a block. A delimiter is written where its mark starts or stops between
 * neighbouring runs (the reader toggles a mark at each of its delimiters), so two delimiters of
 * one mark never touch. A link is written with every mark closed around it and its own marks
 * inside. Hard breaks are a backslash at the end of a line.
 */
function inline(nodes: readonly DocNode[] = []): string {
  let out = '';
  const open: string[] = []; // marks open now, in the order they were opened
  const toggleTo = (next: Set<string>) => {
    // Close from the innermost down to the first mark that ends, then open what is missing:
    // the text stays properly nested for any Markdown reader.
    const firstEnding = open.findIndex((type) => !next.has(type));
    if (firstEnding !== -1)
      for (const type of open.splice(firstEnding).reverse()) out += delimiterOf(type);
    for (const [type, d] of DELIMITERS)
      if (next.has(type) && !open.includes(type)) {
        out += d;
        open.push(type);
      }
  };
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k]!;
    if (n.type === 'hardBreak') {
      out += '\\\n';
      continue;
    }
    if (n.type !== 'text' || !n.text) continue;
    const href = n.marks?.find((m) => m.type === 'link')?.attrs?.href;
    if (typeof href === 'string') {
      // The run of neighbouring texts with this link.
      const run: DocNode[] = [];
      while (k < nodes.length) {
        const m = nodes[k]!;
        const h = m.marks?.find((x) => x.type === 'link')?.attrs?.href;
        if (m.type !== 'text' || h !== href) break;
        run.push({ ...m, marks: m.marks?.filter((x) => x.type !== 'link') });
        k++;
      }
      k--;
      toggleTo(new Set());
      out += `[${inline(run)}](${escapeHref(href)})`;
      continue;
    }
    toggleTo(
      new Set((n.marks ?? []).map((m) => m.type).filter((t) => DELIMITERS.some(([d]) => d === t))),
    );
    out += escapeText(n.text);
  }
  toggleTo(new Set());
  return out;
}

/** A line that would start a block when read back gets its first character escaped. */
function guardLineStart(line: string): string {
  if (/^(\d+)[.)](\s|$)/.test(line)) return line.replace(/^(\d+)([.)])/, '$1\\$2');
  if (/^([-+>]|={3,}|-{3,})/.test(line)) return `\\${line}`;
  return line;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? l : prefix + l))
    .join('\n');
}

function block(node: DocNode): string | null {
  switch (node.type) {
    case 'heading': {
      const level = Math.min(4, Math.max(1, Number(node.attrs?.level) || 2));
      return `${'#'.repeat(level)} ${inline(node.content).replace(/\\\n/g, ' ')}`;
    }
    case 'paragraph': {
      const text = inline(node.content);
      return text === '' ? null : text.split('\n').map(guardLineStart).join('\n');
    }
    case 'bulletList':
    case 'orderedList': {
      const start = node.type === 'orderedList' ? Number(node.attrs?.start) || 1 : 0;
      return (node.content ?? [])
        .map((item, i) => {
          const marker = node.type === 'orderedList' ? `${start + i}. ` : '- ';
          const body = blocks(item.content ?? []) || '';
          const pad = ' '.repeat(marker.length);
          const [first = '', ...rest] = body.split('\n');
          return [marker + first, ...rest.map((l) => (l === '' ? l : pad + l))].join('\n');
        })
        .join('\n');
    }
    case 'blockquote': {
      const body = blocks(node.content ?? []);
      return body === '' ? null : indent(body, '> ').replace(/^$/gm, '>');
    }
    case 'horizontalRule':
      return '---';
    case 'table': {
      const rows = (node.content ?? []).map((row) =>
        (row.content ?? []).map((cell) =>
          (cell.content ?? [])
            .map((p) => (p.type === 'paragraph' ? inline(p.content).replace(/\\\n/g, '<br>') : ''))
            .filter((t) => t !== '')
            .join('<br>'),
        ),
      );
      if (rows.length === 0) return null;
      const width = Math.max(...rows.map((r) => r.length));
      const line = (cells: string[]) =>
        `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
      return [line(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n');
    }
    default:
      return null;
  }
}

const LIST_BREAK = '<!-- -->';

function blocks(nodes: readonly DocNode[]): string {
  const parts: string[] = [];
  let previous: string | null = null;
  for (const node of nodes) {
    const text = block(node);
    if (text === null) continue;
    // Two lists of one kind in a row would read back as one list: an empty comment parts them.
    if (previous === node.type && (node.type === 'bulletList' || node.type === 'orderedList'))
      parts.push(LIST_BREAK);
    parts.push(text);
    previous = node.type;
  }
  return parts.join('\n\n');
}

/** The document as Markdown. */
export function toMarkdown(doc: DocNode): string {
  const text = blocks(doc.content ?? []);
  return text === '' ? '' : `${text}\n`;
}

/** Text for a Markdown line of its own (a title), with its syntax escaped. */
export function markdownText(text: string): string {
  return guardLineStart(escapeText(text.replace(/\s+/g, ' ').trim()));
}

// ---------------------------------------------------------------------------------------------
// Reading

const ESCAPABLE = /[\\`*_~[\]<>|#()!+\-.={}"']/;

/** Inline Markdown into text nodes with marks. Unpaired delimiters are plain text. */
export function parseInline(source: string, outer: Mark[] = []): DocNode[] {
  // Tokens: escaped characters, delimiters, links, hard breaks, <br>, and text.
  type Token =
    | { kind: 'text'; text: string }
    | { kind: 'delim'; mark: string; raw: string }
    | { kind: 'link'; text: string; href: string }
    | { kind: 'break' };
  const tokens: Token[] = [];
  let text = '';
  const flush = () => {
    if (text) tokens.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < source.length;) {
    const c = source[i]!;
    const rest = source.slice(i);
    if (c === '\\' && source[i + 1] === '\n') {
      flush();
      tokens.push({ kind: 'break' });
      i += 2;
    } else if (c === '\\' && i + 1 < source.length && ESCAPABLE.test(source[i + 1]!)) {
      text += source[i + 1];
      i += 2;
    } else if (/^<br\s*\/?>/i.test(rest)) {
      flush();
      tokens.push({ kind: 'break' });
      i += rest.match(/^<br\s*\/?>/i)![0].length;
    } else if (c === '[') {
      const link = matchLink(source, i);
      if (link) {
        flush();
        tokens.push({ kind: 'link', text: link.text, href: link.href });
        i = link.end;
      } else {
        text += c;
        i++;
      }
    } else if (rest.startsWith('**') || rest.startsWith('__')) {
      flush();
      tokens.push({ kind: 'delim', mark: 'bold', raw: rest.slice(0, 2) });
      i += 2;
    } else if (rest.startsWith('~~')) {
      flush();
      tokens.push({ kind: 'delim', mark: 'strike', raw: '~~' });
      i += 2;
    } else if (c === '_' && /\w/.test(source[i - 1] ?? '') && /\w/.test(source[i + 1] ?? '')) {
      text += c; // snake_case: an underscore inside a word is a letter, as in CommonMark
      i++;
    } else if (c === '*' || c === '_') {
      flush();
      tokens.push({ kind: 'delim', mark: 'italic', raw: c });
      i++;
    } else if (c === '`') {
      flush();
      tokens.push({ kind: 'delim', mark: 'code', raw: '`' });
      i++;
    } else {
      text += c;
      i++;
    }
  }
  flush();
  // Delimiters pair up in order, per kind (and per spelling); an odd one out is text.
  const open = new Map<string, number[]>();
  tokens.forEach((t, k) => {
    if (t.kind !== 'delim') return;
    const key = `${t.mark}:${t.raw}`;
    open.set(key, [...(open.get(key) ?? []), k]);
  });
  for (const positions of open.values())
    if (positions.length % 2 === 1) {
      const k = positions.at(-1)!;
      tokens[k] = { kind: 'text', text: (tokens[k] as { raw: string }).raw };
    }
  const out: DocNode[] = [];
  const active = new Set<string>();
  for (const t of tokens) {
    if (t.kind === 'delim') {
      if (active.has(t.mark)) active.delete(t.mark);
      else active.add(t.mark);
      continue;
    }
    const marks: Mark[] = [
      ...DELIMITERS.filter(([type]) => active.has(type)).map(([type]) => ({ type })),
      ...outer,
    ];
    if (t.kind === 'break') out.push({ type: 'hardBreak' });
    else if (t.kind === 'text') push(out, t.text, marks);
    else
      for (const n of parseInline(t.text, [...marks, { type: 'link', attrs: { href: t.href } }]))
        out.push(n);
  }
  return out;
}

function push(out: DocNode[], text: string, marks: Mark[]) {
  const last = out.at(-1);
  const ordered = orderMarks(marks);
  if (last?.type === 'text' && sameMarks(last.marks, ordered.length ? ordered : undefined)) {
    last.text += text;
    return;
  }
  out.push({ type: 'text', text, ...(ordered.length ? { marks: ordered } : {}) });
}

/** Marks in one order (the writer's), so equal sets compare equal. */
function orderMarks(marks: Mark[]): Mark[] {
  const rank = (m: Mark) => {
    const i = DELIMITERS.findIndex(([type]) => type === m.type);
    return i === -1 ? DELIMITERS.length : i;
  };
  return [...marks].sort((a, b) => rank(a) - rank(b));
}

/** `[text](href)` starting at `i`: brackets may nest and be escaped; the address has no spaces. */
function matchLink(s: string, i: number): { text: string; href: string; end: number } | null {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '[') depth++;
    if (c === ']' && --depth === 0) {
      const m = /^\(([^()\s]*)\)/.exec(s.slice(j + 1));
      if (!m) return null;
      return {
        text: s.slice(i + 1, j),
        href: decodeHref(m[1]!),
        end: j + 1 + m[0].length,
      };
    }
  }
  return null;
}

function decodeHref(href: string): string {
  return href.replace(/%(28|29|20|3C|3E|5C|09|0A|0D)/gi, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

const LIST_ITEM = /^( *)([-*+]|\d{1,9}[.)])( +|$)/;
const TABLE_SEPARATOR = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Markdown into a document (not yet sanitized). */
export function fromMarkdown(source: string): DocNode {
  const lines = source.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  const content = parseBlocks(lines);
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

function parseBlocks(lines: string[]): DocNode[] {
  const out: DocNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed === LIST_BREAK) {
      i++;
      continue;
    }
    const heading = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/.exec(line);
    if (heading) {
      out.push({
        type: 'heading',
        attrs: { level: Math.min(4, heading[1]!.length) },
        content: parseInline(heading[2] ?? ''),
      });
      i++;
      continue;
    }
    if (/^ {0,3}((-\s*){3,}|(\*\s*){3,}|(_\s*){3,})$/.test(line)) {
      out.push({ type: 'horizontalRule' });
      i++;
      continue;
    }
    if (/^ {0,3}>/.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && /^ {0,3}>/.test(lines[i]!))
        inner.push(lines[i++]!.replace(/^ {0,3}> ?/, ''));
      out.push({ type: 'blockquote', content: parseBlocks(inner) });
      continue;
    }
    if (trimmed.startsWith('|') && TABLE_SEPARATOR.test(lines[i + 1] ?? '')) {
      const rows: string[][] = [cells(trimmed)];
      i += 2;
      while (i < lines.length && lines[i]!.trim().startsWith('|'))
        rows.push(cells(lines[i++]!.trim()));
      out.push(table(rows));
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const [list, next] = parseList(lines, i);
      out.push(list);
      i = next;
      continue;
    }
    // A paragraph: lines up to a blank line or the start of another block.
    const para: string[] = [];
    while (
      i < lines.length &&
      lines[i]!.trim() !== '' &&
      (para.length === 0 || !startsBlock(lines, i))
    )
      para.push(lines[i++]!.trim());
    out.push({ type: 'paragraph', content: parseInline(joinLines(para)) });
  }
  return out;
}

function startsBlock(lines: string[], i: number): boolean {
  const line = lines[i]!;
  return (
    /^ {0,3}(#{1,6}\s|>|((-\s*){3,}|(\*\s*){3,})$)/.test(line) ||
    LIST_ITEM.test(line) ||
    (line.trim().startsWith('|') && TABLE_SEPARATOR.test(lines[i + 1] ?? ''))
  );
}

/** Lines of one paragraph: a line ending in a backslash is a hard break, others join with a space. */
function joinLines(lines: string[]): string {
  return lines.reduce((acc, line, k) => {
    if (k === 0) return line;
    const slashes = /\\*$/.exec(acc)![0].length; // an odd count ends in a line break
    return slashes % 2 === 1 ? `${acc}\n${line}` : `${acc} ${line}`;
  }, '');
}

function parseList(lines: string[], start: number): [DocNode, number] {
  const first = LIST_ITEM.exec(lines[start]!)!;
  const baseIndent = first[1]!.length;
  const ordered = /\d/.test(first[2]!);
  const items: DocNode[] = [];
  let i = start;
  while (i < lines.length) {
    const m = LIST_ITEM.exec(lines[i]!);
    if (!m || m[1]!.length !== baseIndent || /\d/.test(m[2]!) !== ordered) break;
    const contentIndent = baseIndent + m[2]!.length + Math.max(1, m[3]!.length);
    const body = [lines[i]!.slice(Math.min(lines[i]!.length, contentIndent))];
    i++;
    // The item's other lines: indented under it, or blank lines followed by such a line.
    while (i < lines.length) {
      const l = lines[i]!;
      const indentOf = l.length - l.trimStart().length;
      if (l.trim() === '') {
        const nextIndent = nextNonBlankIndent(lines, i);
        if (nextIndent !== null && nextIndent >= contentIndent) {
          body.push('');
          i++;
          continue;
        }
        break;
      }
      if (indentOf >= contentIndent) body.push(l.slice(contentIndent));
      else if (indentOf > baseIndent && LIST_ITEM.test(l))
        body.push(l.slice(Math.min(indentOf, contentIndent)));
      else if (!startsBlock(lines, i) && indentOf > baseIndent) body.push(l.trim());
      else break;
      i++;
    }
    const content = parseBlocks(body);
    items.push({ type: 'listItem', content: content.length ? content : [{ type: 'paragraph' }] });
    // A blank line between items of the same list does not end it.
    if (lines[i]?.trim() === '' && LIST_ITEM.exec(lines[i + 1] ?? '')?.[1]?.length === baseIndent)
      i++;
  }
  const list: DocNode = ordered
    ? { type: 'orderedList', attrs: { start: Number(/\d+/.exec(first[2]!)![0]) }, content: items }
    : { type: 'bulletList', content: items };
  return [list, i];
}

function nextNonBlankIndent(lines: string[], i: number): number | null {
  for (let j = i; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.trim() !== '') return l.length - l.trimStart().length;
  }
  return null;
}

/** The cells of a table row: split on unescaped pipes, outer pipes dropped. */
function cells(row: string): string[] {
  const parts: string[] = [];
  let cell = '';
  for (let k = 0; k < row.length; k++) {
    const c = row[k]!;
    if (c === '\\' && k + 1 < row.length) {
      cell += c + row[k + 1];
      k++;
    } else if (c === '|') {
      parts.push(cell);
      cell = '';
    } else cell += c;
  }
  parts.push(cell);
  if (row.startsWith('|')) parts.shift();
  if (row.endsWith('|') && !row.endsWith('\\|')) parts.pop();
  return parts.map((p) => p.trim());
}

function table(rows: string[][]): DocNode {
  const width = Math.max(...rows.map((r) => r.length));
  return {
    type: 'table',
    content: rows.map((row, r) => ({
      type: 'tableRow',
      content: Array.from({ length: width }, (_, k) => {
        const paragraphs = (row[k] ?? '')
          .split(/<br\s*\/?>/i)
          .map((p) => p.trim())
          .filter((p) => p !== '')
          .map((p) => ({ type: 'paragraph', content: parseInline(p) }));
        return {
          type: r === 0 ? 'tableHeader' : 'tableCell',
          attrs: { colspan: 1, rowspan: 1 },
          content: paragraphs.length ? paragraphs : [{ type: 'paragraph' }],
        };
      }),
    })),
  };
}
