import { CATEGORY_LABELS } from '~/domain/burden/labels';
import type { ComparisonView } from '~/presenters/burden';

/** The savings by category and by step: hours, cost and minutes per person, before and after. */
export function SavingsTables({
  byCategory,
  byStep,
}: Pick<ComparisonView, 'byCategory' | 'byStep'>) {
  const d = { byCategory, byStep };
  return (
    <>
      {[
        {
          caption: 'Savings by category',
          rows: d.byCategory.map((r) => ({
            ...r,
            key: r.category,
            title: CATEGORY_LABELS[r.category],
          })),
        },
        { caption: 'Savings by step', rows: d.byStep },
      ].map((t) => (
        <table key={t.caption} className="usa-table usa-table--borderless">
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col" className="text-right">
                Hours before
              </th>
              <th scope="col" className="text-right">
                Hours after
              </th>
              <th scope="col" className="text-right">
                Hours saved
              </th>
              <th scope="col" className="text-right">
                Cost before
              </th>
              <th scope="col" className="text-right">
                Cost after
              </th>
              <th scope="col" className="text-right">
                Saved
              </th>
              <th scope="col" className="text-right">
                Minutes saved per person
              </th>
            </tr>
          </thead>
          <tbody>
            {t.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.title}</th>
                <td className="text-right">{r.beforeHours}</td>
                <td className="text-right">{r.afterHours}</td>
                <td className="text-right">{`${r.savedHours} (${r.savedHoursPct})`}</td>
                <td className="text-right">{r.beforeCost}</td>
                <td className="text-right">{r.afterCost}</td>
                <td className="text-right">{`${r.savedCost} (${r.savedCostPct})`}</td>
                <td className="text-right">{`${r.savedMinutes} (${r.savedMinutesPct})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
