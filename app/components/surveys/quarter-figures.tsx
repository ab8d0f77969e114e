import { ShareChart } from '~/components/charts/share-chart';
import { Table } from '~/components/ui/table';
import { shareText, type Share } from '~/domain/surveys/figures';
import { DRIVERS, DRIVER_LABELS, type Driver } from '~/domain/surveys/format';

export interface QuarterRow {
  label: string;
  respondents: number;
  responseRate: string;
  trust: Share;
  change: string | null;
  drivers: Record<Driver, { positive: Share; negative: Share }>;
}

/**
 * A collection's figures by quarter: the table, then trust and the drivers as charts, each
 * with its table (app/components/charts/share-chart.tsx).
 */
export function QuarterFigures({
  quarters,
  rule,
  minimum,
}: {
  quarters: QuarterRow[];
  rule: string | null;
  minimum: number;
}) {
  const drivers = (side: 'positive' | 'negative') =>
    DRIVERS.map((d) => ({
      name: DRIVER_LABELS[d],
      points: quarters.map((q) => ({ label: q.label, share: q.drivers[d][side] })),
    }));
  return (
    <>
      <h2>Figures by quarter</h2>
      {quarters.length === 0 ? (
        <p>No quarter’s data imported yet.</p>
      ) : (
        <>
          <p>
            Trust: the share of respondents who answered the trust question affirmatively ({rule}).
            Response rate: respondents ÷ customers offered the survey. No percentage is shown for
            fewer than {minimum} respondents (the minimum OMB sets); the count is shown instead.
          </p>
          <Table label="Figures by quarter">
            <caption className="usa-sr-only">
              Respondents, response rate and trust by quarter
            </caption>
            <thead>
              <tr>
                <th scope="col">Quarter</th>
                <th scope="col">Respondents</th>
                <th scope="col">Response rate</th>
                <th scope="col">Trust</th>
                <th scope="col">Since the quarter before</th>
              </tr>
            </thead>
            <tbody>
              {quarters.map((q) => (
                <tr key={q.label}>
                  <th scope="row">{q.label}</th>
                  <td>{q.respondents.toLocaleString('en-US')}</td>
                  <td>{q.responseRate}</td>
                  <td>{shareText(q.trust)}</td>
                  <td>{q.change ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <h3>Trust by quarter</h3>
          <ShareChart
            title="Trust by quarter"
            series={[
              { name: 'Trust', points: quarters.map((q) => ({ label: q.label, share: q.trust })) },
            ]}
          />
          <h3>Drivers by quarter</h3>
          <p>
            Each driver’s share among the respondents shown that question; a blank answer means the
            question was not shown and leaves the count.
          </p>
          <ShareChart title="Drivers chosen as positive, by quarter" series={drivers('positive')} />
          <ShareChart title="Drivers chosen as negative, by quarter" series={drivers('negative')} />
        </>
      )}
    </>
  );
}

export interface ImportRow {
  id: number;
  quarter: string;
  respondents: number;
  file: string;
  openText: boolean;
  imported: string;
  replaced: string | null;
}

/** Every import of a collection, replaced ones included. */
export function ImportsTable({ imports }: { imports: ImportRow[] }) {
  return (
    <>
      <h2>Imports</h2>
      {imports.length === 0 ? (
        <p>Nothing imported yet.</p>
      ) : (
        <Table label="Imports">
          <caption className="usa-sr-only">Every import, replaced ones included</caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col">Responses</th>
              <th scope="col">File</th>
              <th scope="col">Imported</th>
              <th scope="col">Standing</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.quarter}</th>
                <td>{d.respondents.toLocaleString('en-US')}</td>
                <td>
                  {d.file}
                  {d.openText ? ' (open text kept, masked)' : ''}
                </td>
                <td>{d.imported}</td>
                <td>{d.replaced ?? 'Current'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
