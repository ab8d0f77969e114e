import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '~/domain/csv';
import {
  escapeText,
  FORBIDDEN_TEXT,
  generateMermaid,
  MermaidParseError,
  parseMermaid,
} from '~/domain/journey/mermaid';
import type { JourneyDiagram } from '~/domain/journey/types';

const one = (title: string, actors: string[] = ['Parent'], stage = 'Birth'): JourneyDiagram => ({
  title: 'Having a child',
  description: '',
  stages: [{ name: stage, steps: [{ title, score: 3, actors }] }],
});

describe('journey text escaping for Mermaid', () => {
  it.each([
    { text: 'Plain words', out: 'Plain words' },
    { text: 'Apply: online', out: 'Apply#58; online' },
    { text: 'Form #4', out: 'Form #35;4' },
    { text: 'Wait; then call', out: 'Wait#59; then call' },
    { text: '100% online', out: '100#37; online' },
    { text: 'Smith, Jane', out: 'Smith#44; Jane' },
    { text: '<script>alert(1)</script>', out: '#60;script#62;alert(1)#60;/script#62;' },
    { text: 'Fees & forms', out: 'Fees #38; forms' },
    { text: '"Quoted" [brackets] {braces} (parens)', out: '"Quoted" [brackets] {braces} (parens)' },
    { text: 'Baby 👶 kit', out: 'Baby 👶 kit' },
    { text: 'طلب المساعدة', out: 'طلب المساعدة' },
    { text: 'section two', out: '#115;ection two' },
    { text: 'title', out: '#116;itle' },
    { text: 'accDescr: x', out: '#97;ccDescr#58; x' },
    { text: 'Journey-map review', out: '#74;ourney-map review' },
    { text: 'Titles matter', out: '#84;itles matter' },
    { text: 'Already #58; encoded', out: 'Already #35;58#59; encoded' },
  ])('$text', ({ text, out }) => {
    expect(escapeText(text)).toBe(out);
    // And back, through the parser.
    expect(parseMermaid(generateMermaid(one(text))).stages[0]!.steps[0]!.title).toBe(text);
  });

  it('writes a deterministic diagram with accTitle, accDescr, title, sections and tasks', () => {
    const d: JourneyDiagram = {
      title: 'Recovering from a disaster',
      description: 'From the storm to a repaired home',
      stages: [
        {
          name: 'Register',
          steps: [
            { title: 'Apply for assistance: online', score: 2, actors: ['Survivor', 'FEMA'] },
          ],
        },
        { name: 'Rebuild', steps: [{ title: 'Inspection', score: 1, actors: [] }] },
      ],
    };
    const source = [
      'journey',
      '  accTitle: Recovering from a disaster',
      '  accDescr: From the storm to a repaired home',
      '  title Recovering from a disaster',
      '  section Register',
      '    Apply for assistance#58; online: 2: Survivor, FEMA',
      '  section Rebuild',
      '    Inspection: 1',
      '',
    ].join('\n');
    expect(generateMermaid(d)).toBe(source);
    expect(generateMermaid(d)).toBe(generateMermaid(structuredClone(d)));
    expect(parseMermaid(source)).toEqual(d);
  });
});

describe('journey import: invalid Mermaid is refused with the line and the problem', () => {
  it.each([
    { name: 'empty', source: '', line: 1, problem: /source is empty/ },
    {
      name: 'not a journey',
      source: 'flowchart LR\n  A --> B',
      line: 1,
      problem: /start with the word "journey"/,
    },
    {
      name: 'step before any section',
      source: 'journey\n  title T\n  Wake up: 3: Me',
      line: 3,
      problem: /inside a section/,
    },
    {
      name: 'score out of range',
      source: 'journey\n  title T\n  section S\n    Wake up: 7: Me',
      line: 4,
      problem: /from 1 to 5, not "7"/,
    },
    {
      name: 'score not a number',
      source: 'journey\n  title T\n  section S\n    Wake up: high: Me',
      line: 4,
      problem: /from 1 to 5/,
    },
    {
      name: 'missing score',
      source: 'journey\n  title T\n  section S\n    Wake up',
      line: 4,
      problem: /needs a score/,
    },
    {
      name: 'extra colon',
      source: 'journey\n  title T\n  section S\n    Call: wait: 3: Me',
      line: 4,
      problem: /write any other colon as #58;/,
    },
    {
      name: 'raw # in a step',
      source: 'journey\n  title T\n  section S\n    Form #4: 3: Me',
      line: 4,
      problem: /#35;/,
    },
    {
      name: 'no title',
      source: 'journey\n  section S\n    A: 3: Me',
      line: 1,
      problem: /no title/,
    },
    { name: 'no sections', source: 'journey\n  title T', line: 2, problem: /no sections/ },
    {
      name: 'empty actor',
      source: 'journey\n  title T\n  section S\n    A: 3: Me, ',
      line: 4,
      problem: /actor name is empty/,
    },
    {
      name: 'unclosed accDescr',
      source: 'journey\n  title T\n  accDescr {\n  about\n  section S',
      line: 5,
      problem: /not closed/,
    },
  ])('$name → line $line', ({ source, line, problem }) => {
    let error: unknown;
    try {
      parseMermaid(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MermaidParseError);
    expect((error as MermaidParseError).line).toBe(line);
    expect((error as MermaidParseError).problem).toMatch(problem);
  });

  it('reads comments, blank lines, multi-line accDescr and Windows line ends', () => {
    const source =
      'journey\r\n%% a comment\r\n  accDescr {\r\n    Two\r\n    lines\r\n  }\r\n\r\n  title T\r\n  section S\r\n    A: 5\r\n';
    expect(parseMermaid(source)).toEqual({
      title: 'T',
      description: 'Two lines',
      stages: [{ name: 'S', steps: [{ title: 'A', score: 5, actors: [] }] }],
    });
  });
});

// Any text a person can type on one line, trimmed and non-empty.
const text = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0 && !FORBIDDEN_TEXT.test(s));
const specialText = fc
  .array(
    fc.constantFrom(
      ':',
      '#',
      ';',
      '%',
      ',',
      '<',
      '>',
      '&',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      '👶',
      'ع',
      'title ',
      'section ',
      'Journey',
      'ACCTITLE',
      ' ',
      'x',
      '#58;',
      '\uFB02°°',
      '¶ß',
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join('').trim())
  .filter((s) => s.length > 0);
const anyText = fc.oneof(text, specialText);
const diagram: fc.Arbitrary<JourneyDiagram> = fc.record({
  title: anyText,
  description: fc.oneof(fc.constant(''), anyText),
  stages: fc.array(
    fc.record({
      name: anyText,
      steps: fc.array(
        fc.record({
          title: anyText,
          score: fc.integer({ min: 1, max: 5 }),
          actors: fc.array(anyText, { maxLength: 4 }),
        }),
        { maxLength: 6 },
      ),
    }),
    { minLength: 1, maxLength: 5 },
  ),
});

describe('journey round trip (property)', () => {
  it('import(export(map)) equals the map', () => {
    fc.assert(
      fc.property(diagram, (d) => {
        expect(parseMermaid(generateMermaid(d))).toEqual(d);
      }),
      { numRuns: 500 },
    );
  });

  it('generated source never carries raw syntax characters inside a text', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        expect(escapeText(t).replace(/#\d+;/g, '')).not.toMatch(/[:;#%,<>&\n]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('CSV export neutralizes formulas', () => {
  it.each([
    { cell: '=HYPERLINK("http://x")', out: `"'=HYPERLINK(""http://x"")"` },
    { cell: '+1', out: "'+1" },
    { cell: '-cmd', out: "'-cmd" },
    { cell: '@SUM(A1)', out: "'@SUM(A1)" },
    { cell: 'a,b', out: '"a,b"' },
    { cell: -2, out: '-2' },
  ])('$cell', ({ cell, out }) => {
    expect(toCsv([[cell]])).toBe(`${out}\r\n`);
  });
});
