import { useId } from 'react';
import { Table } from '~/components/ui/table';
import { at } from './coordinates';

export interface ChartSeries {
  name: string;
  color: string;
}

export interface ChartRow {
  label: string;
  /** One value per series (stacked). */
  values: number[];
}

type ChartProps = {
  title: string;
  description: string;
  series: ChartSeries[];
  rows: ChartRow[];
  format: (value: number) => string;
  unit: string;
  /** What a row is, the first column's heading in the table (Portfolio, Quarter …). */
  rowHeading?: string;
};

/**
 * A horizontal stacked bar chart as SVG alone, with its title and description: the page's chart,
 * and the image the Word and slide exports draw (app/render/charts.server.ts). `id` names its
 * title and description for assistive technology; it must be unique on the page.
 */
export function BarChartSvg({
  id,
  title,
  description,
  series,
  rows,
  format,
}: Omit<ChartProps, 'unit'> & { id: string }) {
  const labelWidth = 220;
  const barWidth = 460;
  const rowHeight = 28;
  const top = 32;
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + Math.max(0, b), 0)));
  const height = top + rows.length * rowHeight + 16;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${labelWidth + barWidth + 120} ${height}`}
      width="100%"
      style={{ maxWidth: '52rem' }}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {series.map((s, i) => (
        <g key={s.name} transform={`translate(${labelWidth + i * 150}, 8)`}>
          <rect width="12" height="12" fill={s.color} />
          <text x="18" y="11" fontSize="12" fill="#1b1b1b">
            {s.name}
          </text>
        </g>
      ))}
      {rows.map((row, r) => {
        let x = labelWidth;
        const y = top + r * rowHeight;
        const total = row.values.reduce((a, b) => a + b, 0);
        return (
          <g key={`${row.label}-${r}`}>
            <text x={labelWidth - 8} y={y + 17} fontSize="12" textAnchor="end" fill="#1b1b1b">
              {row.label.length > 34 ? `${row.label.slice(0, 33)}…` : row.label}
            </text>
            {row.values.map((v, i) => {
              const w = (Math.max(0, v) / max) * barWidth;
              // A zero value draws nothing (the table still lists it).
              const rect =
                w > 0 ? (
                  <rect
                    key={i}
                    x={at(x)}
                    y={y + 4}
                    width={at(w)}
                    height={rowHeight - 10}
                    fill={series[i]!.color}
                  />
                ) : null;
              x += w;
              return rect;
            })}
            <text x={at(x + 6)} y={y + 17} fontSize="12" fill="#1b1b1b">
              {format(total)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * A horizontal stacked bar chart drawn as SVG on the server, so it prints, exports and needs no
 * JavaScript. It has an accessible name and description, and the same numbers follow in a table.
 */
export function BarChart(props: ChartProps) {
  const { title, series, rows, format, unit, rowHeading = 'Row' } = props;
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  return (
    <figure className="margin-x-0 margin-y-3">
      <BarChartSvg id={id} {...props} />
      <Table
        label={`${title}: table`}
        className="usa-table usa-table--borderless usa-table--compact font-body-2xs"
      >
        <caption>
          {title} ({unit})
        </caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {series.map((s) => (
              <th scope="col" key={s.name} className="text-right">
                {s.name}
              </th>
            ))}
            {series.length > 1 ? (
              <th scope="col" className="text-right">
                Total
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={`${row.label}-${r}`}>
              <th scope="row">{row.label}</th>
              {row.values.map((v, i) => (
                <td key={i} className="text-right">
                  {format(v)}
                </td>
              ))}
              {series.length > 1 ? (
                <td className="text-right">{format(row.values.reduce((a, b) => a + b, 0))}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
    </figure>
  );
}

export const CATEGORY_COLORS = {
  learning: '#005ea2',
  compliance: '#c05600',
  psychological: '#5e519e',
} as const;
