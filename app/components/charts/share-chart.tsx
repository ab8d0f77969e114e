import { useId } from 'react';
import { Table } from '~/components/ui/table';
import { at } from './coordinates';
import { percentText, shareText, type Share } from '~/domain/surveys/figures';

export interface ShareSeries {
  name: string;
  points: { label: string; share: Share }[];
}

/** Colors that keep 3:1 against white and apart from each other (USWDS system tokens). */
const COLORS = ['#005ea2', '#d54309', '#008817', '#8168b3', '#936f38', '#1a4480', '#e52207'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '', '6 3', '2 3'];

/**
 * Shares over quarters (0–100 %), as SVG drawn on the server: one line per series, a point per
 * quarter; a quarter whose share is not shown (too few respondents) leaves a gap and says so in
 * the description. The table that follows has every figure, suppressed ones as counts.
 */
export function ShareChart({
  title,
  series,
  rowHeading = 'Quarter',
}: {
  title: string;
  series: ShareSeries[];
  rowHeading?: string;
}) {
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  const labels = series[0]?.points.map((p) => p.label) ?? [];
  const width = 640;
  const height = 280;
  const pad = { left: 90, right: 60, top: 20 + Math.ceil(series.length / 4) * 18, bottom: 40 };
  const x = (i: number) =>
    at(
      labels.length <= 1
        ? (pad.left + width - pad.right) / 2
        : pad.left + (i / (labels.length - 1)) * (width - pad.left - pad.right),
    );
  const y = (p: number) => at(pad.top + (1 - p / 100) * (height - pad.top - pad.bottom));
  const description = series
    .map((s) => {
      const said = s.points
        .map((p) => `${p.label}: ${p.share.shown ? percentText(p.share.percent) : 'not shown'}`)
        .join('; ');
      return `${s.name}: ${said}.`;
    })
    .join(' ');
  const anyShown = series.some((s) => s.points.some((p) => p.share.shown));
  return (
    <figure className="margin-x-0 margin-y-3">
      {anyShown ? null : (
        <p>
          No quarter has enough respondents for a percentage to draw; the table gives the counts.
        </p>
      )}
      {anyShown ? (
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          style={{ maxWidth: '40rem' }}
          xmlns="http://www.w3.org/2000/svg"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {[0, 50, 100].map((t) => (
            <g key={t}>
              <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} stroke="#dfe1e2" />
              <text x={pad.left - 6} y={y(t) + 4} fontSize="12" textAnchor="end" fill="#1b1b1b">
                {`${t}%`}
              </text>
            </g>
          ))}
          {labels.map((l, i) => (
            <text
              key={l}
              x={x(i)}
              y={height - pad.bottom + 18}
              fontSize="12"
              textAnchor="middle"
              fill="#1b1b1b"
            >
              {l}
            </text>
          ))}
          {series.map((s, si) => (
            <g
              key={s.name}
              transform={`translate(${pad.left + (si % 4) * 140}, ${8 + Math.floor(si / 4) * 18})`}
            >
              <line
                x1="0"
                x2="18"
                y1="6"
                y2="6"
                stroke={COLORS[si % COLORS.length]}
                strokeWidth="2"
                strokeDasharray={DASHES[si % DASHES.length]}
              />
              <text x="24" y="10" fontSize="12" fill="#1b1b1b">
                {s.name}
              </text>
            </g>
          ))}
          {series.map((s, si) => {
            const color = COLORS[si % COLORS.length];
            // Lines join consecutive shown quarters only; a suppressed quarter breaks the line.
            const segments: string[] = [];
            let current: string[] = [];
            s.points.forEach((p, i) => {
              if (p.share.shown) current.push(`${x(i)},${y(p.share.percent)}`);
              else {
                if (current.length) segments.push(current.join(' '));
                current = [];
              }
            });
            if (current.length) segments.push(current.join(' '));
            return (
              // The points take the series' colour from their group.
              <g key={s.name} fill={color}>
                {segments.map((pts) => (
                  <polyline
                    key={pts}
                    points={pts}
                    fill="none"
                    stroke={color}
                    strokeWidth="2"
                    strokeDasharray={DASHES[si % DASHES.length]}
                  />
                ))}
                {s.points.map((p, i) =>
                  p.share.shown ? (
                    <circle key={p.label} cx={x(i)} cy={y(p.share.percent)} r="4" />
                  ) : null,
                )}
              </g>
            );
          })}
        </svg>
      ) : null}
      <Table
        label={`${title}: table`}
        className="usa-table usa-table--borderless usa-table--compact font-body-2xs"
      >
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {series.map((s) => (
              <th scope="col" key={s.name}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((l, i) => (
            <tr key={l}>
              <th scope="row">{l}</th>
              {series.map((s) => (
                <td key={s.name}>{shareText(s.points[i]!.share)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </figure>
  );
}
