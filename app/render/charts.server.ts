/**
 * A chart of the workspace as an image for documents that leave it (Word, slides): the page's own
 * SVG (components/charts/bar-chart.tsx), drawn to PNG by resvg with the typeface of the page
 * (USWDS's Source Sans Pro), so every output shows the same chart. resvg is a maintained Rust
 * renderer shipped inside its npm package: no browser and no system fonts needed.
 */
import path from 'node:path';
import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { BarChartSvg } from '~/components/charts/bar-chart';
import { chartValue, type ChartSpec } from '~/presenters/pmc-charts';

const FONT_DIR = path.join(process.cwd(), 'node_modules/@uswds/uswds/dist/fonts/source-sans-pro');
const FONTS = ['sourcesanspro-regular-webfont.ttf', 'sourcesanspro-bold-webfont.ttf']
  .map((f) => path.join(FONT_DIR, f))
  .filter((f) => fs.existsSync(f));

export interface ChartImage {
  svg: string;
  png: Buffer;
  /** The drawing's size in its own units (the SVG's viewBox): the image keeps this shape. */
  width: number;
  height: number;
}

/** The chart as SVG markup, sized by its viewBox (the page's width="100%" dropped). */
export function chartSvg(chart: ChartSpec, id: string): string {
  return renderToStaticMarkup(
    createElement(BarChartSvg, {
      id,
      title: chart.title,
      description: chart.description,
      series: chart.series,
      rows: chart.rows,
      format: (x: number) => chartValue(chart.kind, x),
    }),
  )
    .replace(' width="100%"', '')
    .replace(/ style="[^"]*"/, '');
}

/** The chart as SVG and as PNG at twice its size (sharp when printed). */
export function chartImage(chart: ChartSpec, id: string): ChartImage {
  const svg = chartSvg(chart, id);
  const [, , width, height] = /viewBox="([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)"/
    .exec(svg)!
    .slice(1)
    .map(Number) as [number, number, number, number];
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: width * 2 },
    background: '#ffffff',
    font: {
      fontFiles: FONTS,
      loadSystemFonts: FONTS.length === 0,
      defaultFontFamily: 'Source Sans Pro',
    },
  })
    .render()
    .asPng();
  return { svg, png, width, height };
}
