import { useId } from 'react';
import { figure, type Point } from '~/domain/measures/status';
import { formatDate } from '~/domain/portfolio/labels';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * A success measure over time, as SVG drawn on the server: the dashed line the measure is
 * expected to follow from baseline to target, and the actual values as points joined in date
 * order. Its table (every actual beside what the line expected) is on the page beside it.
 */
export function MeasureChart({
  name,
  unit,
  line,
  actuals,
}: {
  name: string;
  unit: string;
  line: [Point, Point];
  actuals: readonly Point[];
}) {
  const id = useId();
  const width = 640;
  const height = 260;
  const pad = { left: 70, right: 20, top: 20, bottom: 40 };
  const all = [...line, ...actuals];
  const x0 = Math.min(...all.map((p) => day(p.date)));
  const x1 = Math.max(...all.map((p) => day(p.date)), x0 + 1);
  const values = all.map((p) => p.value);
  const spread = Math.max(...values) - Math.min(...values) || 1;
  const y0 = Math.min(...values) - spread * 0.1;
  const y1 = Math.max(...values) + spread * 0.1;
  const x = (p: Point) =>
    pad.left + ((day(p.date) - x0) / (x1 - x0)) * (width - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - (v - y0) / (y1 - y0)) * (height - pad.top - pad.bottom);
  const f = (v: number) => figure(v, unit);
  const sorted = [...actuals].sort((a, b) => a.date.localeCompare(b.date));
  const description = `The line from the baseline, ${f(line[0].value)} on ${formatDate(line[0].date)}, to the target, ${f(line[1].value)} on ${formatDate(line[1].date)}. ${
    sorted.length === 0
      ? 'No actual values yet.'
      : `Actual values: ${sorted.map((p) => `${f(p.value)} on ${formatDate(p.date)}`).join('; ')}.`
  }`;
  // The baseline's and the target's values, and half way between.
  const ticks = [...new Set([line[0].value, (line[0].value + line[1].value) / 2, line[1].value])];
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: '40rem' }}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{`${name}: actual values against the line to the target`}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <line x1={pad.left} x2={pad.left} y1={pad.top} y2={height - pad.bottom} stroke="#565c65" />
      <line
        x1={pad.left}
        x2={width - pad.right}
        y1={height - pad.bottom}
        y2={height - pad.bottom}
        stroke="#565c65"
      />
      {ticks.map((v) => (
        <text key={v} x={pad.left - 6} y={y(v) + 4} fontSize="12" textAnchor="end" fill="#1b1b1b">
          {f(Math.round(v * 100) / 100)}
        </text>
      ))}
      {[line[0], line[1]].map((p, i) => (
        <text
          key={p.date}
          x={x(p)}
          y={height - pad.bottom + 18}
          fontSize="12"
          textAnchor={i === 0 ? 'start' : 'end'}
          fill="#1b1b1b"
        >
          {formatDate(p.date)}
        </text>
      ))}
      <line
        x1={x(line[0])}
        y1={y(line[0].value)}
        x2={x(line[1])}
        y2={y(line[1].value)}
        stroke="#565c65"
        strokeWidth="2"
        strokeDasharray="6 4"
      />
      {sorted.length > 1 ? (
        <polyline
          points={sorted.map((p) => `${x(p)},${y(p.value)}`).join(' ')}
          fill="none"
          stroke="#005ea2"
          strokeWidth="2"
        />
      ) : null}
      {sorted.map((p) => (
        <circle key={`${p.date}-${p.value}`} cx={x(p)} cy={y(p.value)} r="4" fill="#005ea2" />
      ))}
      <g transform={`translate(${pad.left + 10}, ${height - 8})`} fontSize="12" fill="#1b1b1b">
        <line
          x1="0"
          x2="24"
          y1="-4"
          y2="-4"
          stroke="#565c65"
          strokeWidth="2"
          strokeDasharray="6 4"
        />
        <text x="30" y="0">
          Expected (baseline to target)
        </text>
        <circle cx="230" cy="-4" r="4" fill="#005ea2" />
        <text x="240" y="0">
          Actual
        </text>
      </g>
    </svg>
  );
}
