import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MermaidParseError, parseMermaid } from '~/domain/journey/mermaid';
import type { JourneyDiagram } from '~/domain/journey/types';
import {
  EditStepSchema,
  ImportWithDiagramSchema,
  JourneyDetailsSchema,
  JourneyEditSchema,
  StepFieldsSchema,
} from '~/schemas/journey';

const ONE_LINE = 'Use a single line, without line breaks, tabs or other control characters.';

/** The messages a schema gives for `input`, by field path. */
function errors(schema: { safeParse: (v: unknown) => unknown }, input: unknown) {
  const result = schema.safeParse(input) as {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
  const out: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) {
    (out[issue.path.join('.')] ??= []).push(issue.message);
  }
  return out;
}

const details = { title: 'Having a child', versionLabel: 'as_is' };
const step = { title: 'Apply for WIC', score: '3', actors: 'Parent' };
const stage = { intent: 'rename_stage', stageId: '4', name: 'Birth', version: '2' };

describe('journey forms refuse line breaks, tabs and U+2028 inside a one-line text', () => {
  const breaks = [
    { name: 'newline', ch: '\n' },
    { name: 'carriage return', ch: '\r' },
    { name: 'tab', ch: '\t' },
    { name: 'U+2028 line separator', ch: '\u2028' },
    { name: 'U+2029 paragraph separator', ch: '\u2029' },
  ];
  const fields = [
    { form: 'map title', schema: JourneyDetailsSchema, base: details, field: 'title' },
    { form: 'map description', schema: JourneyDetailsSchema, base: details, field: 'description' },
    { form: 'version name', schema: JourneyDetailsSchema, base: details, field: 'versionName' },
    {
      form: 'new stage name',
      schema: JourneyEditSchema,
      base: { intent: 'add_stage', version: '1' },
      field: 'name',
    },
    { form: 'stage rename', schema: JourneyEditSchema, base: stage, field: 'name' },
    { form: 'step title', schema: StepFieldsSchema, base: step, field: 'title' },
    { form: 'step actors', schema: StepFieldsSchema, base: step, field: 'actors' },
    { form: 'agency touchpoint', schema: StepFieldsSchema, base: step, field: 'touchpoint' },
    {
      form: 'step title on the step page',
      schema: EditStepSchema,
      base: { ...step, stageId: '4', version: '2' },
      field: 'title',
    },
  ];
  const cases = fields.flatMap((f) => breaks.map((b) => ({ ...f, ...b })));

  it.each(cases)('$form: $name', ({ schema, base, field, ch }) => {
    expect(errors(schema, { ...base, [field]: `Two${ch}parts` })).toEqual({ [field]: [ONE_LINE] });
  });

  it.each(breaks)('$name at either end is trimmed, not refused', ({ ch }) => {
    const r = StepFieldsSchema.safeParse({ ...step, title: `${ch}Apply${ch}` });
    expect(r.success && r.data.title).toBe('Apply');
  });

  it('personas, pain points, opportunities and notes may span lines', () => {
    expect(errors(JourneyDetailsSchema, { ...details, personas: 'A parent\nA navigator' })).toEqual(
      {},
    );
    expect(
      errors(StepFieldsSchema, {
        ...step,
        painPoints: 'One\nTwo',
        opportunities: 'One\r\nTwo',
        notes: 'a\tb',
      }),
    ).toEqual({});
  });
});

describe('journey forms: lengths and counts the import shares', () => {
  const x = (n: number) => 'x'.repeat(n);
  it.each([
    {
      name: 'map title of 201',
      schema: JourneyDetailsSchema,
      input: { ...details, title: x(201) },
      field: 'title',
      message: 'The title must be at most 200 characters.',
    },
    {
      name: 'description of 1,001',
      schema: JourneyDetailsSchema,
      input: { ...details, description: x(1001) },
      field: 'description',
      message: 'The description must be at most 1,000 characters.',
    },
    {
      name: 'stage name of 201',
      schema: JourneyEditSchema,
      input: { ...stage, name: x(201) },
      field: 'name',
      message: 'The stage name must be at most 200 characters.',
    },
    {
      name: 'step of 301',
      schema: StepFieldsSchema,
      input: { ...step, title: x(301) },
      field: 'title',
      message: 'The step must be at most 300 characters.',
    },
    {
      name: 'actor of 101',
      schema: StepFieldsSchema,
      input: { ...step, actors: `Parent, ${x(101)}` },
      field: 'actors',
      message: 'Each actor must be at most 100 characters.',
    },
    {
      name: '11 actors',
      schema: StepFieldsSchema,
      input: { ...step, actors: Array.from({ length: 11 }, (_, i) => `P${i}`).join(', ') },
      field: 'actors',
      message: 'List at most 10 actors.',
    },
  ])('$name', ({ schema, input, field, message }) => {
    expect(errors(schema, input)).toEqual({ [field]: [message] });
  });

  it('ten actors of 100 characters fit the actors field as the step page shows them', () => {
    const actors = Array.from({ length: 10 }, (_, i) => `${i}${x(99)}`);
    const r = StepFieldsSchema.safeParse({ ...step, actors: actors.join(', ') });
    expect(r.success && r.data.actors).toEqual(actors);
  });
});

/**
 * Whatever the import accepts, the edit pages accept again unchanged: the map's details form,
 * the stage rename form and the step page (actors shown joined with ", ", as step.tsx does).
 */
function savesAgain(d: JourneyDiagram) {
  const map = JourneyDetailsSchema.safeParse({
    ...details,
    title: d.title,
    description: d.description,
  });
  expect(map.success && [map.data.title, map.data.description]).toEqual([d.title, d.description]);
  for (const s of d.stages) {
    const renamed = JourneyEditSchema.safeParse({ ...stage, name: s.name });
    expect(renamed.success && renamed.data.intent === 'rename_stage' && renamed.data.name).toBe(
      s.name,
    );
    for (const st of s.steps) {
      const saved = EditStepSchema.safeParse({
        title: st.title,
        score: String(st.score),
        actors: st.actors.join(', '),
        stageId: '4',
        version: '2',
      });
      expect(saved.error?.issues ?? []).toEqual([]);
      expect(saved.success && [saved.data.title, saved.data.score, saved.data.actors]).toEqual([
        st.title,
        st.score,
        st.actors,
      ]);
    }
  }
}

describe('journey import: an imported map can always be saved again from the edit pages', () => {
  const x = (n: number) => 'x'.repeat(n);

  it('at every limit', () => {
    const actors = Array.from({ length: 10 }, (_, i) => `${i}${x(99)}`).join(', ');
    savesAgain(
      parseMermaid(
        `journey\n  title ${x(200)}\n  accDescr: ${x(1000)}\n  section ${x(200)}\n    ${x(300)}: 3: ${actors}`,
      ),
    );
  });

  it('for any source the import accepts (property)', () => {
    // Pieces near each limit and rule: entity-coded line breaks, spaces, commas, long runs, and
    // any typed text without the characters that are syntax on a journey line.
    const piece = fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
          .map((s) => s.replace(/[\n\r:;#,]/g, ' ')),
      },
      {
        weight: 3,
        arbitrary: fc.constantFrom(' ', '#32;', '#44;', '#58;', '\u00a0', 'x'.repeat(95)),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '#10;',
          '#9;',
          '#8232;',
          '\u2028',
          'y'.repeat(190),
          'z'.repeat(290),
        ),
      },
    );
    const textOf = (max: number) =>
      fc.array(piece, { minLength: 1, maxLength: max }).map((p) => p.join(''));
    const source = fc
      .record({
        title: textOf(3),
        description: textOf(6),
        section: textOf(3),
        step: textOf(3),
        actors: fc.array(textOf(2), { maxLength: 12 }),
      })
      .map(({ title, description, section, step, actors }) =>
        [
          'journey',
          `  title ${title}`,
          `  accDescr: ${description}`,
          `  section ${section}`,
          `    ${step}: 3${actors.length ? `: ${actors.join(', ')}` : ''}`,
        ].join('\n'),
      );
    let accepted = 0;
    fc.assert(
      fc.property(source, (src) => {
        let d: JourneyDiagram;
        try {
          d = parseMermaid(src);
        } catch (e) {
          if (e instanceof MermaidParseError) return;
          throw e;
        }
        accepted += 1;
        savesAgain(d);
      }),
      { numRuns: 1000 },
    );
    expect(accepted).toBeGreaterThan(50);
  });

  it('the import form refuses, with the line, what the edit forms would refuse', () => {
    const r = ImportWithDiagramSchema.safeParse({
      source: `journey\n  title T\n  section S\n    ${'x'.repeat(301)}: 3`,
      versionLabel: 'as_is',
    });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['source', 'Line 4: the step name is longer than 300 characters.'],
    ]);
  });
});
