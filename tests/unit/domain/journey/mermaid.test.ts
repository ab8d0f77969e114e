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

/** The MermaidParseError `source` throws. */
function refusal(source: string): MermaidParseError {
  try {
    parseMermaid(source);
  } catch (e) {
    if (e instanceof MermaidParseError) return e;
    throw e;
  }
  throw new Error('the source was accepted');
}

const head = 'journey\n  title T\n  section S\n';
const CONTROL = /contains a line break, tab or other control character; write it on one line\./;

describe('journey import: line breaks, tabs and U+2028 are refused with their line', () => {
  it.each([
    {
      name: 'newline (#10;) in a step',
      source: `${head}    Wake#10;up: 3: Me`,
      line: 4,
      what: 'step name',
    },
    { name: 'raw tab in a step', source: `${head}    Wake\tup: 3: Me`, line: 4, what: 'step name' },
    { name: 'tab (#9;) in a step', source: `${head}    Wake#9;up: 3`, line: 4, what: 'step name' },
    {
      name: 'raw U+2028 in a step',
      source: `${head}    Wake\u2028up: 3`,
      line: 4,
      what: 'step name',
    },
    {
      name: 'U+2028 (#8232;) in a step',
      source: `${head}    Wake#8232;up: 3`,
      line: 4,
      what: 'step name',
    },
    {
      name: 'raw U+2029 in a step',
      source: `${head}    Wake\u2029up: 3`,
      line: 4,
      what: 'step name',
    },
    {
      name: 'newline (#10;) in an actor',
      source: `${head}    A: 3: Me, You#10;too`,
      line: 4,
      what: 'actor name',
    },
    {
      name: 'raw tab in an actor',
      source: `${head}    A: 3: Me\tYou`,
      line: 4,
      what: 'actor name',
    },
    {
      name: 'raw U+2028 in an actor',
      source: `${head}    A: 3: Me\u2028You`,
      line: 4,
      what: 'actor name',
    },
    {
      name: 'newline (#10;) in the title',
      source: 'journey\n  title Two#10;lines\n  section S\n    A: 3',
      line: 2,
      what: 'title',
    },
    {
      name: 'raw tab in the title',
      source: 'journey\n  title Two\tparts\n  section S\n    A: 3',
      line: 2,
      what: 'title',
    },
    {
      name: 'raw U+2028 in the title',
      source: 'journey\n  title Two\u2028lines\n  section S\n    A: 3',
      line: 2,
      what: 'title',
    },
    {
      name: 'newline (#13;) in a section',
      source: 'journey\n  title T\n  section S#13;2\n    A: 3',
      line: 3,
      what: 'section name',
    },
    {
      name: 'raw tab in a section',
      source: 'journey\n  title T\n  section S\t2\n    A: 3',
      line: 3,
      what: 'section name',
    },
    {
      name: 'raw U+2028 in a section',
      source: 'journey\n  title T\n  section S\u20282\n    A: 3',
      line: 3,
      what: 'section name',
    },
    {
      name: 'U+2028 (#8232;) in a section',
      source: 'journey\n  title T\n  section S#8232;2\n    A: 3',
      line: 3,
      what: 'section name',
    },
    {
      name: 'newline (#10;) in accTitle',
      source: 'journey\n  accTitle: A#10;B\n  section S\n    A: 3',
      line: 2,
      what: 'accessible title',
    },
    {
      name: 'raw tab in accDescr',
      source: 'journey\n  title T\n  accDescr: a\tb\n  section S\n    A: 3',
      line: 3,
      what: 'accessible description',
    },
    {
      name: 'U+2028 in an accDescr block (the line that opens it)',
      source:
        'journey\n  title T\n  accDescr {\n    one\n    two#8232;three\n  }\n  section S\n    A: 3',
      line: 3,
      what: 'accessible description',
    },
  ])('$name → line $line', ({ source, line, what }) => {
    const error = refusal(source);
    expect(error.line).toBe(line);
    expect(error.problem).toMatch(new RegExp(`^the ${what} `));
    expect(error.problem).toMatch(CONTROL);
    expect(error.message).toBe(`Line ${line}: ${error.problem}`);
  });

  it('a raw line break inside a step splits it, and the half without a score is refused', () => {
    const error = refusal(`${head}    Wake\nup: 3: Me`);
    expect(error.line).toBe(4);
    expect(error.problem).toMatch(/needs a score/);
  });

  it('line breaks and U+2028 at either end are trimmed, as the forms trim them', () => {
    expect(parseMermaid(`${head}    \u2028Wake up\u2028: 3: Me`).stages[0]!.steps[0]!.title).toBe(
      'Wake up',
    );
    expect(parseMermaid(`${head}    #10;Wake up#32;: 3: Me`).stages[0]!.steps[0]!.title).toBe(
      'Wake up',
    );
    expect(refusal(`${head}    #32;#9;: 3: Me`).problem).toMatch(/step name is empty/);
  });
});

describe('journey import: raw "#" and ";" are refused where Mermaid reads them as syntax', () => {
  it.each([
    {
      name: 'raw ; in a step',
      source: `${head}    Wait; then call: 3: Me`,
      line: 4,
      problem: /step cannot contain "#" or ";".*#59;/,
    },
    {
      name: 'raw ; at the end of a step',
      source: `${head}    Wait: 3: Me;`,
      line: 4,
      problem: /#59;/,
    },
    {
      name: 'raw ; among the actors',
      source: `${head}    Wait: 3: Me; You`,
      line: 4,
      problem: /#59;/,
    },
    {
      name: 'raw # in the actors',
      source: `${head}    Wait: 3: Agent #7`,
      line: 4,
      problem: /#35;/,
    },
    {
      name: 'raw # in the title',
      source: 'journey\n  title Form #4\n  section S\n    A: 3',
      line: 2,
      problem: /title contains "#" or ";".*#35; and #59;/,
    },
    {
      name: 'raw ; in the title',
      source: 'journey\n  title Apply; wait\n  section S\n    A: 3',
      line: 2,
      problem: /title contains "#" or ";"/,
    },
    {
      name: 'raw # in a section',
      source: 'journey\n  title T\n  section Step #1\n    A: 3',
      line: 3,
      problem: /section name cannot contain ":", "#" or ";".*#35;/,
    },
    {
      name: 'raw ; in a section',
      source: 'journey\n  title T\n  section Apply; wait\n    A: 3',
      line: 3,
      problem: /section name cannot contain/,
    },
    {
      name: 'raw : in a section',
      source: 'journey\n  title T\n  section Apply: now\n    A: 3',
      line: 3,
      problem: /#58;/,
    },
  ])('$name → line $line', ({ source, line, problem }) => {
    const error = refusal(source);
    expect(error.line).toBe(line);
    expect(error.problem).toMatch(problem);
  });

  it('the same characters written as entity codes are read', () => {
    const d = parseMermaid(
      'journey\n  title Form #35;4#59; apply\n  section Step #35;1#59; wait\n    Wait#59; then call #35;2: 3: Agent #35;7',
    );
    expect(d.title).toBe('Form #4; apply');
    expect(d.stages[0]!.name).toBe('Step #1; wait');
    expect(d.stages[0]!.steps[0]).toEqual({
      title: 'Wait; then call #2',
      score: 3,
      actors: ['Agent #7'],
    });
  });
});

describe("journey import: the edit forms' limits", () => {
  const x = (n: number) => 'x'.repeat(n);
  it.each([
    {
      name: 'title of 201',
      source: `journey\n  title ${x(201)}\n  section S\n    A: 3`,
      line: 2,
      problem: /title is longer than 200 characters/,
    },
    {
      name: 'accTitle of 201',
      source: `journey\n  accTitle: ${x(201)}\n  section S\n    A: 3`,
      line: 2,
      problem: /accessible title is longer than 200/,
    },
    {
      name: 'accDescr of 1,001',
      source: `journey\n  title T\n  accDescr: ${x(1001)}\n  section S\n    A: 3`,
      line: 3,
      problem: /accessible description is longer than 1,000/,
    },
    {
      name: 'accDescr block of 1,001',
      source: `journey\n  title T\n  accDescr {\n  ${x(500)}\n  ${x(500)}\n  }\n  section S\n    A: 3`,
      line: 3,
      problem: /longer than 1,000/,
    },
    {
      name: 'section of 201',
      source: `journey\n  title T\n  section ${x(201)}\n    A: 3`,
      line: 3,
      problem: /section name is longer than 200/,
    },
    {
      name: 'step of 301',
      source: `${head}    ${x(301)}: 3`,
      line: 4,
      problem: /step name is longer than 300/,
    },
    {
      name: 'actor of 101',
      source: `${head}    A: 3: Me, ${x(101)}`,
      line: 4,
      problem: /actor name is longer than 100/,
    },
    {
      name: '11 actors',
      source: `${head}    A: 3: ${Array.from({ length: 11 }, (_, i) => `P${i}`).join(', ')}`,
      line: 4,
      problem: /at most 10 actors, not 11/,
    },
    {
      name: 'a comma inside an actor name',
      source: `${head}    A: 3: Smith#44; Jane`,
      line: 4,
      problem: /actor name cannot contain a comma/,
    },
  ])('$name → line $line', ({ source, line, problem }) => {
    const error = refusal(source);
    expect(error.line).toBe(line);
    expect(error.problem).toMatch(problem);
  });

  it('accepts every text at its limit', () => {
    const actors = Array.from({ length: 10 }, (_, i) => `${i}${x(99)}`);
    const d = parseMermaid(
      `journey\n  title ${x(200)}\n  accDescr: ${x(1000)}\n  section ${x(200)}\n    ${x(300)}: 3: ${actors.join(', ')}`,
    );
    expect(d.title).toHaveLength(200);
    expect(d.description).toHaveLength(1000);
    expect(d.stages[0]!.name).toHaveLength(200);
    expect(d.stages[0]!.steps[0]!.title).toHaveLength(300);
    expect(d.stages[0]!.steps[0]!.actors).toEqual(actors);
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
// At most 100 characters, the shortest limit (an actor name), so every text fits every field.
const anyText = fc.oneof(text, specialText).filter((s) => s.length <= 100);
// The forms type actors as one comma-separated list, so no actor name holds a comma.
const actorText = anyText.filter((s) => !s.includes(','));
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
          actors: fc.array(actorText, { maxLength: 4 }),
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
