/**
 * Journey maps ⇄ Mermaid `journey` source (A-11 280.7 customer understanding; issue "journey
 * maps in Mermaid").
 *
 * Generation is deterministic and lossless for the diagram's part of a map: characters that
 * Mermaid's journey grammar treats as syntax (`:` `;` `#` `%` `,` and the HTML-sensitive `<` `>`
 * `&`) are written as Mermaid entity codes (`#58;`), which Mermaid draws as the character itself.
 * A text that would start with a keyword (`title`, `section`, …) has its first letter encoded.
 * Line breaks cannot be represented and are refused by validation (one line per text).
 *
 * The parser reads the same subset Mermaid accepts for journeys and reports the first problem
 * with its line number. parse(generate(d)) equals d for every valid d (a property test). It holds
 * each text to the edit forms' rules (JOURNEY_LIMITS, one line, trimmed, no comma inside an actor
 * name), so an imported map can always be saved again from the edit pages.
 */
import { JOURNEY_LIMITS, type JourneyDiagram } from './types';

const ENCODE = new Map<string, string>([
  ['#', '#35;'],
  [':', '#58;'],
  [';', '#59;'],
  ['%', '#37;'],
  [',', '#44;'],
  ['<', '#60;'],
  ['>', '#62;'],
  ['&', '#38;'],
  // Mermaid's own placeholders for entities; encoded so a person's text cannot imitate them.
  ['\uFB02', '#64258;'],
  ['\u00B6', '#182;'],
]);
// Mermaid's journey lexer is case-insensitive and matches these at the start of a line.
const KEYWORDS = /^(title|section|journey|acctitle|accdescr)/i;

/** Characters no journey text may contain: line breaks and other control characters. */
// eslint-disable-next-line no-control-regex
export const FORBIDDEN_TEXT = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** Encodes one text for a Mermaid journey line. */
export function escapeText(text: string): string {
  let out = '';
  for (const ch of text) out += ENCODE.get(ch) ?? ch;
  const keyword = KEYWORDS.exec(out);
  if (keyword) out = `#${out.codePointAt(0)};${out.slice(1)}`;
  return out;
}

/** Decodes Mermaid entity codes (`#58;`, `#colon;` is not used) back to characters. */
export function unescapeText(text: string): string {
  return text.replace(/#(\d{1,7});/g, (whole, code: string) => {
    const n = Number(code);
    return n <= 0x10ffff ? String.fromCodePoint(n) : whole;
  });
}

/** The Mermaid source for a diagram. Same input, same output, byte for byte. */
export function generateMermaid(d: JourneyDiagram): string {
  const lines = ['journey', `  accTitle: ${escapeText(d.title)}`];
  if (d.description) lines.push(`  accDescr: ${escapeText(d.description)}`);
  lines.push(`  title ${escapeText(d.title)}`);
  for (const stage of d.stages) {
    lines.push(`  section ${escapeText(stage.name)}`);
    for (const step of stage.steps) {
      const actors = step.actors.map(escapeText).join(', ');
      lines.push(`    ${escapeText(step.title)}: ${step.score}${actors ? `: ${actors}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export class MermaidParseError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`Line ${line}: ${problem}`);
  }
}

/** Limits that keep an import to the size a person can review. Text lengths: JOURNEY_LIMITS. */
export const IMPORT_LIMITS = { lines: 2000, stages: 100, steps: 1000 };

/**
 * Parses Mermaid `journey` source into a diagram. Throws MermaidParseError for the first line
 * that is not valid, with its number (1-based) and what is wrong.
 */
export function parseMermaid(source: string): JourneyDiagram {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > IMPORT_LIMITS.lines) {
    throw new MermaidParseError(
      IMPORT_LIMITS.lines + 1,
      `the source is longer than ${IMPORT_LIMITS.lines} lines.`,
    );
  }
  const d: JourneyDiagram = { title: '', description: '', stages: [] };
  let sawHeader = false;
  let accTitle = '';
  let inDescrBlock = false;
  let descrStart = 0;
  const descrLines: string[] = [];
  let steps = 0;

  // Trimmed after decoding too, as the forms trim what they save (`#32;x` is "x").
  const text = (raw: string, n: number, what: string, max: number): string => {
    const value = unescapeText(raw.trim()).trim();
    if (value === '') throw new MermaidParseError(n, `the ${what} is empty.`);
    if (FORBIDDEN_TEXT.test(value)) {
      throw new MermaidParseError(
        n,
        `the ${what} contains a line break, tab or other control character; write it on one line.`,
      );
    }
    if (value.length > max) {
      throw new MermaidParseError(
        n,
        `the ${what} is longer than ${max.toLocaleString('en-US')} characters.`,
      );
    }
    return value;
  };

  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const raw = lines[i]!;
    const line = raw.trim();
    if (inDescrBlock) {
      if (line === '}') {
        inDescrBlock = false;
        d.description =
          descrLines.length === 0
            ? ''
            : text(
                descrLines.join(' '),
                descrStart,
                'accessible description',
                JOURNEY_LIMITS.description,
              );
      } else if (line !== '') {
        descrLines.push(line);
      }
      continue;
    }
    if (line === '' || line.startsWith('%%')) continue;
    if (!sawHeader) {
      if (!/^journey$/i.test(line)) {
        throw new MermaidParseError(n, 'a journey diagram must start with the word "journey".');
      }
      sawHeader = true;
      continue;
    }
    let m: RegExpExecArray | null;
    // The `s` flag: a U+2028 inside a line belongs to the text (and is refused there); without
    // it `.` would stop at it and the line would be misread as a step.
    if ((m = /^accTitle\s*:(.*)$/is.exec(line))) {
      accTitle = text(m[1]!, n, 'accessible title', JOURNEY_LIMITS.title);
    } else if ((m = /^accDescr\s*:(.*)$/is.exec(line))) {
      d.description = text(m[1]!, n, 'accessible description', JOURNEY_LIMITS.description);
    } else if (/^accDescr\s*\{\s*$/i.test(line)) {
      inDescrBlock = true;
      descrStart = n;
    } else if ((m = /^title(?:\s+(.*))?$/is.exec(line))) {
      if (/[#;]/.test((m[1] ?? '').replace(/#\d{1,7};/g, ''))) {
        throw new MermaidParseError(
          n,
          'the title contains "#" or ";", which Mermaid cannot show; write them as #35; and #59;.',
        );
      }
      d.title = text(m[1] ?? '', n, 'title', JOURNEY_LIMITS.title);
    } else if ((m = /^section(?:\s+(.*))?$/is.exec(line))) {
      if (/[#:;]/.test((m[1] ?? '').replace(/#\d{1,7};/g, ''))) {
        throw new MermaidParseError(
          n,
          'a section name cannot contain ":", "#" or ";" as written; use #58;, #35; or #59;.',
        );
      }
      if (d.stages.length >= IMPORT_LIMITS.stages) {
        throw new MermaidParseError(
          n,
          `a journey map can have at most ${IMPORT_LIMITS.stages} sections.`,
        );
      }
      d.stages.push({
        name: text(m[1] ?? '', n, 'section name', JOURNEY_LIMITS.stageName),
        steps: [],
      });
    } else {
      const parts = line.split(':');
      if (parts.length < 2) {
        throw new MermaidParseError(n, 'a step needs a score, written as "Step name: 5: Actor".');
      }
      if (parts.length > 3) {
        throw new MermaidParseError(
          n,
          'a step has the form "Step name: score: actors"; write any other colon as #58;.',
        );
      }
      const [rawTitle, rawScore, rawActors = ''] = parts as [string, string, string?];
      if (/[#;]/.test(line.replace(/#\d{1,7};/g, ''))) {
        throw new MermaidParseError(
          n,
          'a step cannot contain "#" or ";" as written; use #35; or #59;.',
        );
      }
      const stage = d.stages.at(-1);
      if (!stage)
        throw new MermaidParseError(
          n,
          'put this step inside a section ("section Name" on a line before it).',
        );
      const scoreText = rawScore.trim();
      if (!/^[1-5]$/.test(scoreText)) {
        throw new MermaidParseError(
          n,
          `the score must be a whole number from 1 to 5, not "${scoreText}".`,
        );
      }
      if (++steps > IMPORT_LIMITS.steps) {
        throw new MermaidParseError(
          n,
          `a journey map can have at most ${IMPORT_LIMITS.steps} steps.`,
        );
      }
      const title = text(rawTitle, n, 'step name', JOURNEY_LIMITS.stepTitle);
      const actors =
        rawActors.trim() === ''
          ? []
          : rawActors.split(',').map((a) => text(a, n, 'actor name', JOURNEY_LIMITS.actorName));
      if (actors.length > JOURNEY_LIMITS.actorsPerStep) {
        throw new MermaidParseError(
          n,
          `a step can have at most ${JOURNEY_LIMITS.actorsPerStep} actors, not ${actors.length}.`,
        );
      }
      // The edit forms type actors as one comma-separated list, so a comma cannot be kept inside
      // a name: saving the step again would split it.
      if (actors.some((a) => a.includes(','))) {
        throw new MermaidParseError(
          n,
          'an actor name cannot contain a comma (#44;); commas separate actors.',
        );
      }
      stage.steps.push({ title, score: Number(scoreText), actors });
    }
  }
  if (!sawHeader)
    throw new MermaidParseError(1, 'the source is empty; paste a Mermaid journey diagram.');
  if (inDescrBlock)
    throw new MermaidParseError(lines.length, 'the accDescr block is not closed with "}".');
  if (!d.title) d.title = accTitle;
  if (!d.title)
    throw new MermaidParseError(1, 'the diagram has no title; add a line "title Your journey".');
  if (d.stages.length === 0)
    throw new MermaidParseError(lines.length, 'the diagram has no sections.');
  return d;
}
