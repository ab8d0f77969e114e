import type { DB } from '../client';

/** A person's notifications, newest first, `limit` at a time (older than `beforeId`). */
export async function listNotifications(
  db: DB,
  input: { personId: number; beforeId?: number; limit: number },
) {
  let query = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('person_id', '=', input.personId)
    .orderBy('id', 'desc')
    .limit(input.limit + 1);
  if (input.beforeId !== undefined) query = query.where('id', '<', input.beforeId);
  const rows = await query.execute();
  return { rows: rows.slice(0, input.limit), hasMore: rows.length > input.limit };
}

/** How many of a person's notifications are unread (the header's count). */
export async function countUnread(db: DB, personId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many notifications' emails are in each state (the outbox page). */
export async function outboxCounts(db: DB): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('notifications')
    .select(['email_status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('email_status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.email_status, Number(r.n)]));
}

/** Emails given up on, then the oldest still waiting: who, what, how many tries, and why. */
export async function outboxRows(db: DB, status: 'failed' | 'pending', limit: number) {
  return db
    .selectFrom('notifications')
    .innerJoin('people', 'people.id', 'notifications.person_id')
    .select([
      'notifications.id',
      'notifications.title',
      'notifications.created_at',
      'notifications.email_attempts',
      'notifications.email_next_at',
      'notifications.email_error',
      'people.name',
      'people.email',
    ])
    .where(
      'notifications.email_status',
      'in',
      status === 'pending' ? ['pending', 'sending'] : ['failed'],
    )
    .orderBy('notifications.id', status === 'failed' ? 'desc' : 'asc')
    .limit(limit)
    .execute();
}

/** Each portfolio's name, slug and the people who lead it (access still on). */
export async function portfolioLeads(db: DB, portfolioIds: readonly number[]) {
  if (portfolioIds.length === 0) return [];
  const [portfolios, leads] = await Promise.all([
    db
      .selectFrom('portfolios')
      .select(['id', 'name', 'slug'])
      .where('id', 'in', [...portfolioIds])
      .orderBy('id')
      .execute(),
    db
      .selectFrom('portfolio_memberships')
      .innerJoin('people', 'people.id', 'portfolio_memberships.person_id')
      .select(['portfolio_memberships.portfolio_id', 'people.id'])
      .where('portfolio_memberships.portfolio_id', 'in', [...portfolioIds])
      .where('portfolio_memberships.role', '=', 'lead')
      .where('people.deactivated_at', 'is', null)
      .orderBy('people.id')
      .execute(),
  ]);
  return portfolios.map((p) => ({
    ...p,
    leadIds: leads.filter((l) => l.portfolio_id === p.id).map((l) => l.id),
  }));
}

/** The OMB leads whose access is on. */
export async function ombLeadIds(db: DB): Promise<number[]> {
  const rows = await db
    .selectFrom('people')
    .select('id')
    .where('is_omb_lead', '=', 1)
    .where('deactivated_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** A portfolio's leads and team members whose access is on. */
export async function portfolioTeam(db: DB, portfolioId: number) {
  const rows = await db
    .selectFrom('portfolio_memberships')
    .innerJoin('people', 'people.id', 'portfolio_memberships.person_id')
    .select(['people.id', 'portfolio_memberships.role'])
    .where('portfolio_memberships.portfolio_id', '=', portfolioId)
    .where('portfolio_memberships.role', 'in', ['lead', 'member'])
    .where('people.deactivated_at', 'is', null)
    .orderBy('people.id')
    .execute();
  return {
    leadIds: rows.filter((r) => r.role === 'lead').map((r) => r.id),
    memberIds: rows.filter((r) => r.role === 'member').map((r) => r.id),
  };
}
