import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

/**
 * A published PMC update can be withdrawn, with a reason, and replaced by a correction that says
 * what it corrects (issue 19, point 3). Both stay: the withdrawn update keeps its frozen snapshot
 * and its link. So a quarter now has at most one update that is not withdrawn (a draft or the
 * published one), rather than one update in all, and a withdrawn update has at most one
 * correction.
 *
 * SQLite cannot drop a table's constraints, so there the table is rebuilt with its rows and ids
 * (and its id sequence, so no id is ever reused); PostgreSQL alters it in place.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`alter table pmc_updates drop constraint pmc_updates_one_per_quarter`.execute(db);
    await sql`alter table pmc_updates drop constraint pmc_updates_status_check`.execute(db);
    await sql`alter table pmc_updates add constraint pmc_updates_status_check
      check (status in ('draft','published','withdrawn'))`.execute(db);
    await db.schema
      .alterTable('pmc_updates')
      .addColumn('withdrawn_at', 'text')
      .addColumn('withdrawn_by', 'integer', (c) => c.references('people.id'))
      .addColumn('withdrawn_reason', 'text')
      .addColumn('corrects_id', 'integer', (c) => c.references('pmc_updates.id'))
      .addColumn('correction_note', 'text')
      .execute();
  } else {
    await sql`create table pmc_updates_next (
      "id" integer primary key autoincrement,
      "fiscal_year" integer not null,
      "quarter" integer not null check (quarter between 1 and 4),
      "status" text not null check (status in ('draft','published','withdrawn')),
      "highlights" text default '{}' not null,
      "excluded" text default '[]' not null,
      "annotations" text default '{}' not null,
      "portfolio_order" text default '[]' not null,
      "snapshot" text,
      "published_at" text,
      "published_by" integer references "people" ("id"),
      "version" integer default 1 not null,
      "created_at" text not null,
      "updated_at" text not null,
      "item_order" text default '{}' not null,
      "withdrawn_at" text,
      "withdrawn_by" integer references "people" ("id"),
      "withdrawn_reason" text,
      "corrects_id" integer references "pmc_updates_next" ("id"),
      "correction_note" text
    )`.execute(db);
    await sql`insert into pmc_updates_next (id, fiscal_year, quarter, status, highlights,
      excluded, annotations, portfolio_order, snapshot, published_at, published_by, version,
      created_at, updated_at, item_order)
      select id, fiscal_year, quarter, status, highlights, excluded, annotations,
      portfolio_order, snapshot, published_at, published_by, version, created_at, updated_at,
      item_order from pmc_updates`.execute(db);
    // The copy set the new sequence to the highest id left; the old one may be higher.
    await sql`delete from sqlite_sequence where name = 'pmc_updates_next'`.execute(db);
    await sql`insert into sqlite_sequence (name, seq)
      select 'pmc_updates_next', seq from sqlite_sequence where name = 'pmc_updates'`.execute(db);
    await sql`drop table pmc_updates`.execute(db);
    // SQLite renames the self-reference along with the table.
    await sql`alter table pmc_updates_next rename to pmc_updates`.execute(db);
  }
  await db.schema
    .createIndex('pmc_updates_one_standing_per_quarter')
    .on('pmc_updates')
    .columns(['fiscal_year', 'quarter'])
    .unique()
    .where(sql.ref('status'), '!=', 'withdrawn')
    .execute();
  await db.schema
    .createIndex('pmc_updates_one_correction')
    .on('pmc_updates')
    .column('corrects_id')
    .unique()
    .execute();
}

export async function down(): Promise<void> {
  // Withdrawn updates and their corrections share a quarter, which the old constraint forbids.
  throw new Error('The withdrawal of PMC updates cannot be undone by a migration.');
}
