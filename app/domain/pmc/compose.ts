/**
 * The editor's choices applied to an assembled update: excluded items removed, annotations
 * attached, portfolios and each portfolio's milestones in the chosen order. Pure, so the preview,
 * the published snapshot and the exports agree.
 */
export interface Choices {
  excluded: readonly string[];
  annotations: Readonly<Record<string, string>>;
  order: readonly string[];
  /** Per portfolio slug, milestone keys in the chosen order. */
  itemOrder?: Readonly<Record<string, readonly string[]>>;
}

interface Item {
  key: string;
}

interface PortfolioLike {
  slug: string;
  milestones: Item[];
  decisions: Item[];
  pending: Item[];
  risks: Item[];
  /** Curated changes (curate.ts); absent from callers that have none. */
  curated?: Item[];
}

/** Items in the chosen order; those the order does not name keep their place after it. */
function ordered<T>(items: readonly T[], order: readonly string[], id: (item: T) => string): T[] {
  const ranks = new Map(order.map((s, i) => [s, i]));
  const rank = (s: string) => ranks.get(s) ?? Number.MAX_SAFE_INTEGER;
  return [...items]
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(id(a.p)) - rank(id(b.p)) || a.i - b.i)
    .map(({ p }) => p);
}

/** Portfolios in the chosen order; those the order does not name keep their place after it. */
export function inOrder<P extends { slug: string }>(
  portfolios: readonly P[],
  order: readonly string[],
): P[] {
  return ordered(portfolios, order, (p) => p.slug);
}

export function compose<P extends PortfolioLike>(
  portfolios: readonly P[],
  choices: Choices,
): (P & { annotations: Record<string, string> })[] {
  const excluded = new Set(choices.excluded);
  const keep = <T extends Item>(items: T[]) => items.filter((i) => !excluded.has(i.key));
  return inOrder(portfolios, choices.order).map((p) => ({
    ...p,
    milestones: ordered(keep(p.milestones), choices.itemOrder?.[p.slug] ?? [], (m) => m.key),
    decisions: keep(p.decisions),
    pending: keep(p.pending),
    risks: keep(p.risks),
    ...(p.curated ? { curated: keep(p.curated) } : {}),
    annotations: Object.fromEntries(
      Object.entries(choices.annotations).filter(([, v]) => v.trim() !== ''),
    ),
  }));
}

/**
 * Moves `slug` one place up or down in the order of `all` (starting from `order`). Serves the
 * portfolios (by slug) and the milestones of one portfolio (by item key) alike.
 */
export function reorder(
  all: readonly string[],
  order: readonly string[],
  slug: string,
  direction: 'up' | 'down',
): string[] {
  const current = [
    ...order.filter((s) => all.includes(s)),
    ...all.filter((s) => !order.includes(s)),
  ];
  const i = current.indexOf(slug);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= current.length) return current;
  [current[i], current[j]] = [current[j]!, current[i]!];
  return current;
}
