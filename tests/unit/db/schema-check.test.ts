/**
 * A database migrated on SQLite or on PostgreSQL has the same tables and columns: both runs of
 * the suite compare the migrated schema with the one committed file, db/schema.snapshot.json
 * (`npx vitest -u` rewrites it after a new migration).
 */
import { describe, expect, it } from 'vitest';
import { checkSchema, compareSchemas, describeSchema } from '#db/schema-check';
import { freshDb } from '../helpers';

describe('the schema check', () => {
  it('a freshly migrated database has the committed schema', async () => {
    const db = await freshDb();
    const shape = await describeSchema(db);
    await expect(`${JSON.stringify(shape, null, 2)}\n`).toMatchFileSnapshot(
      '../../../db/schema.snapshot.json',
    );
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
