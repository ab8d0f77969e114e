import { Table } from '~/components/ui/table';

/** Hours, money and the per-person time tax for each row of a breakdown (category, stage, step). */
export function BreakdownTable({
  caption,
  heading,
  rows,
}: {
  caption: string;
  heading: string;
  rows: {
    key: string;
    title: string;
    hours: string;
    timeMoney: string;
    outOfPocket: string;
    total: string;
    perPerson: { minutes: string; dollars: string };
  }[];
}) {
  return (
    <Table label={caption}>
      <caption className="usa-sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="text-right">
            Hours
          </th>
          <th scope="col" className="text-right">
            Monetized time
          </th>
          <th scope="col" className="text-right">
            Out-of-pocket
          </th>
          <th scope="col" className="text-right">
            Total cost
          </th>
          <th scope="col" className="text-right">
            Minutes per person
          </th>
          <th scope="col" className="text-right">
            Cost per person
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.title}</th>
            <td className="text-right">{r.hours}</td>
            <td className="text-right">{r.timeMoney}</td>
            <td className="text-right">{r.outOfPocket}</td>
            <td className="text-right">{r.total}</td>
            <td className="text-right">{r.perPerson.minutes}</td>
            <td className="text-right">{r.perPerson.dollars}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * The time tax of each segment and of everyone else (the base figures), beside the weighted
 * figure the headline shows, with the hours and money each group carries.
 */
export function SegmentTable({
  rows,
  weighted,
}: {
  rows: {
    id: number | null;
    name: string;
    share: string;
    timePercent: number;
    burden: { hours: string; total: string };
    perPerson: { minutes: string; dollars: string };
  }[];
  weighted: { minutes: string; dollars: string };
}) {
  return (
    <section aria-labelledby="segments-table-heading">
      <h2 id="segments-table-heading">Time tax by segment</h2>
      <Table label="Time tax by segment">
        <caption className="usa-sr-only">Time tax by segment</caption>
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col" className="text-right">
              Share
            </th>
            <th scope="col" className="text-right">
              Time on base items
            </th>
            <th scope="col" className="text-right">
              Minutes per person
            </th>
            <th scope="col" className="text-right">
              Cost per person
            </th>
            <th scope="col" className="text-right">
              Hours a year
            </th>
            <th scope="col" className="text-right">
              Total cost
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={String(s.id)}>
              <th scope="row">{s.id === null ? `${s.name} (base figures)` : s.name}</th>
              <td className="text-right">{s.share}%</td>
              <td className="text-right">{s.timePercent}%</td>
              <td className="text-right">{s.perPerson.minutes}</td>
              <td className="text-right">{s.perPerson.dollars}</td>
              <td className="text-right">{s.burden.hours}</td>
              <td className="text-right">{s.burden.total}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All people affected (weighted)</th>
            <td className="text-right">100%</td>
            <td />
            <td className="text-right" data-testid="weighted-minutes">
              {weighted.minutes}
            </td>
            <td className="text-right">{weighted.dollars}</td>
            <td />
            <td />
          </tr>
        </tfoot>
      </Table>
    </section>
  );
}
