/**
 * What differs between two published PMC updates, item by item: per portfolio, the milestones
 * the later one adds, the ones it no longer lists, and those whose status changed. Items are
 * matched by their stable key (m12), so a renamed milestone is the same milestone. Pure.
 */

interface MilestoneLike {
  key: string;
  title: string;
  status: string;
}

interface PortfolioLike {
  slug: string;
  name: string;
  milestones: readonly MilestoneLike[];
}

export interface MilestoneRef {
  key: string;
  title: string;
  status: string;
}

export interface PortfolioDiff {
  slug: string;
  name: string;
  /** Listed in the later update only. */
  added: MilestoneRef[];
  /** Listed in the earlier update only. */
  removed: MilestoneRef[];
  /** Listed in both, with another status; the title is the later one's. */
  statusChanged: (MilestoneRef & { before: string })[];
  /** The portfolio appears in only one of the two updates. */
  only: 'before' | 'after' | null;
}

const ref = (m: MilestoneLike): MilestoneRef => ({ key: m.key, title: m.title, status: m.status });

/** Per portfolio (the later update's order, then any the earlier one alone has). */
export function diffUpdates(
  before: readonly PortfolioLike[],
  after: readonly PortfolioLike[],
): PortfolioDiff[] {
  const beforeBySlug = new Map(before.map((p) => [p.slug, p]));
  const afterSlugs = new Set(after.map((p) => p.slug));
  const pairs = [
    ...after.map((a) => [beforeBySlug.get(a.slug), a] as const),
    ...before.filter((b) => !afterSlugs.has(b.slug)).map((b) => [b, undefined] as const),
  ];
  return pairs.map(([b, a]) => {
    const p = (a ?? b)!;
    const old = new Map((b?.milestones ?? []).map((m) => [m.key, m]));
    const now = new Map((a?.milestones ?? []).map((m) => [m.key, m]));
    return {
      slug: p.slug,
      name: p.name,
      added: [...now.values()].filter((m) => !old.has(m.key)).map(ref),
      removed: [...old.values()].filter((m) => !now.has(m.key)).map(ref),
      statusChanged: [...now.values()].flatMap((m) => {
        const was = old.get(m.key);
        return was && was.status !== m.status ? [{ ...ref(m), before: was.status }] : [];
      }),
      only: !b ? 'after' : !a ? 'before' : null,
    };
  });
}

/** True when the two updates list the same milestones with the same statuses. */
export function isUnchanged(d: PortfolioDiff): boolean {
  return d.added.length === 0 && d.removed.length === 0 && d.statusChanged.length === 0 && !d.only;
}
