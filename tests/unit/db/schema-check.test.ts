/**
 * A database migrated on SQLite or on PostgreSQL has the same tables and columns: both runs of
 * the suite compare the migrated schema with the one committed file, db/schema.snapshot.ts
 * (`npx vitest -u` rewrites it after a new migration).
 */
import { describe, expect, it } from 'vitest';
import { checkSchema, compareSchemas, describeSchema, type SchemaShape } from '#db/schema-check';
import { freshDb } from '../helpers';

/** The committed file: a module, so the server bundle and every test runner can import it. */
function snapshotModule(shape: SchemaShape): string {
  return [
    '// The schema every migrated database must have, on SQLite and PostgreSQL alike.',
    '// Written by tests/unit/db/schema-check.test.ts (`npx vitest -u` after a new migration).',
    "import type { SchemaShape } from './schema-check';",
    '',
    `export const SCHEMA: SchemaShape = ${JSON.stringify(shape, null, 2)};`,
    '',
  ].join('\n');
}

describe('the schema check', () => {
  it('a freshly migrated database has the committed schema', async () => {
    const db = await freshDb();
    const shape = await describeSchema(db);
    await expect(snapshotModule(shape)).toMatchFileSnapshot('../../../db/schema.snapshot.ts');
    expect(await checkSchema(db)).toEqual([]);
  });

  it('names each difference', () => {
    const expected = {
      a: { id: { type: 'integer', nullable: false }, name: { type: 'text', nullable: false } },
      b: { id: { type: 'integer', nullable: false } },
    };
    const actual = {
      a: { id: { type: 'integer', nullable: false }, name: { type: 'text', nullable: true } },
      c: { id: { type: 'integer', nullable: false } },
    };
    expect(compareSchemas(expected, actual)).toEqual([
      'a.name is text null, expected text not null',
      'missing table b',
      'unexpected table c',
    ]);
  });
});
