/**
 * The ICR export as a spreadsheet: item 12 (hour burden: learning and compliance time), item 13
 * (cost burden: out-of-pocket money) and, apart and in neither total, psychological costs
 * (5 CFR 1320.3(b) defines burden as time, effort and money spent to respond; stress and stigma
 * are not part of it). Each section has its own header row; only items 12 and 13 have totals.
 */
import type { BurdenItemInput, SegmentInput, WageInput } from './calc';
import { icrCells, icrCostCells, plainHours, plainMoney } from './display';
import { icrSections } from './icr';
import { CATEGORY_LABELS } from './labels';

export const ITEM_12_HEADING =
  'Item 12: Annual hour burden of responding (learning and compliance time)';
export const ITEM_13_HEADING =
  'Item 13: Annual cost burden beyond the hour burden (out-of-pocket money)';
export const PSYCHOLOGICAL_HEADING =
  'Psychological costs: not burden under the Paperwork Reduction Act; included in neither total above';

/**
 * One section of the CSV: its heading, its header row, a row per line ("None." without any), and
 * its total row when it has one.
 */
function section<R>(
  heading: string,
  header: string[],
  rows: readonly R[],
  cells: (r: R) => string[],
  total?: string[],
): string[][] {
  return [
    [heading],
    header,
    ...(rows.length === 0 ? [['None.']] : rows.map(cells)),
    ...(total ? [total] : []),
  ];
}

/** The rows of the CSV, cells as text; `describe` names an item (and the row's segment). */
export function icrCsvRows(
  items: readonly BurdenItemInput[],
  wage: WageInput,
  segments: readonly SegmentInput[],
  description: ReadonlyMap<number, string>,
): string[][] {
  const s = icrSections(items, wage, segments);
  const byId = new Map(items.map((i) => [i.id, i]));
  const name = (r: { itemId: number; segment: string | null }) => {
    const d = description.get(r.itemId) ?? '';
    return r.segment === null ? d : `${d} (${r.segment})`;
  };
  const rating = (v: number | null) => (v === null ? '' : String(v));
  return [
    ...section(
      ITEM_12_HEADING,
      [
        'Item',
        'Category',
        'Respondents',
        'Responses per respondent',
        'Total responses',
        'Hours per response',
        'Total hours',
        'Hourly wage ($)',
        'Cost of time ($)',
      ],
      s.hourBurden,
      (r) => {
        const c = icrCells(r);
        return [
          name(r),
          CATEGORY_LABELS[r.category],
          c.respondents,
          c.responsesPerRespondent,
          c.totalResponses,
          c.hoursPerResponse,
          c.totalHours,
          c.wage,
          c.costOfTime,
        ];
      },
      [
        'Item 12 total',
        '',
        '',
        '',
        '',
        '',
        plainHours(s.hourBurdenTotal.time),
        '',
        plainMoney(s.hourBurdenTotal.timeMoney),
      ],
    ),
    [],
    ...section(
      ITEM_13_HEADING,
      [
        'Item',
        'Category',
        'Respondents',
        'Responses per respondent',
        'Total responses',
        'Cost per response ($)',
        'Total cost ($)',
      ],
      s.costBurden,
      (r) => {
        const c = icrCostCells(r);
        return [
          name(r),
          CATEGORY_LABELS[r.category],
          c.respondents,
          c.responsesPerRespondent,
          c.totalResponses,
          c.costPerResponse,
          c.totalCost,
        ];
      },
      ['Item 13 total', '', '', '', '', '', plainMoney(s.costBurdenTotal)],
    ),
    [],
    // No total: psychological costs are not PRA burden.
    ...section(
      PSYCHOLOGICAL_HEADING,
      [
        'Item',
        'Respondents',
        'Responses per respondent',
        'Total responses',
        'Time-equivalent hours per response (estimate)',
        'Time-equivalent hours (estimate)',
        'Hourly wage ($)',
        'Time-equivalent cost ($)',
        'Out-of-pocket ($)',
        'Stress (1–5)',
        'Stigma (1–5)',
        'Frustration (1–5)',
        'Loss of autonomy (1–5)',
      ],
      s.psychological,
      (r) => {
        const c = icrCells(r);
        const item = byId.get(r.itemId)!;
        const estimated = item.timeEquivalentSeconds !== null;
        return [
          name(r),
          c.respondents,
          c.responsesPerRespondent,
          c.totalResponses,
          estimated ? c.hoursPerResponse : 'not estimated',
          estimated ? c.totalHours : '',
          estimated ? c.wage : '',
          estimated ? c.costOfTime : '',
          r.segment === null ? plainMoney(s.psychologicalOutOfPocket.get(r.itemId) ?? 0n) : '',
          rating(item.ratings.stress),
          rating(item.ratings.stigma),
          rating(item.ratings.frustration),
          rating(item.ratings.autonomy),
        ];
      },
    ),
  ];
}
