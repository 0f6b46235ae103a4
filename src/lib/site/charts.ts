/**
 * Chart geometry, computed at build time with d3-scale and d3-shape from the shaped data the pages' tables show
 * (src/lib/site/national.ts, judgementHistory): the components in src/components/charts only draw what these
 * return, as SVG with no script. Every mark carries its grade as a shape (GRADE_BANDS' symbol) and in its title,
 * never by colour alone.
 *
 * Sizes are in SVG units drawn about one to one on a 320 px phone (`CHART_WIDTH`), so text stays legible there;
 * wider screens show the chart at up to 1.5 times that.
 */
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { symbol, symbolCircle, symbolCross, symbolStar, symbolTriangle } from 'd3-shape';
import type { ReportRecord } from '../../schemas/report.ts';
import { required } from '../required.ts';
import { formatDate } from './format.ts';
import { gradeBand, type GradeBand, type movementCounts, type YearOfGrades } from './national.ts';
import type { HistoryRow } from './shape.ts';

export const CHART_WIDTH = 320;
const SYMBOLS = { star: symbolStar, circle: symbolCircle, triangle: symbolTriangle, cross: symbolCross };

/** The SVG path of a band's shape, centred on 0,0, of `area` square units. */
export const bandSymbol = (band: GradeBand, area = 100) => required(symbol(SYMBOLS[band.symbol], area)(), `the path of a ${band.symbol}`);

export interface Mark {
  x: number;
  y: number;
  path: string;
  band: GradeBand;
  /** What the mark stands for, in words: shown on hover, and what the tests read. */
  title: string;
}

export interface GradesByYearChart {
  height: number;
  rows: Array<{ year: number; y: number; total: number; totalX: number; marks: Mark[] }>;
}

/** One row per year of inspection, one mark per graded inspection (best grade first), and the year's count. */
export function gradesByYearChart(years: readonly YearOfGrades[]): GradesByYearChart {
  const labelWidth = 40;
  const countWidth = 28;
  const height = 26 * years.length;
  const y = scaleBand<number>().domain(years.map((year) => year.year)).range([0, height]).paddingInner(0.15);
  const most = Math.max(10, ...years.map((year) => year.total));
  const x = scaleLinear().domain([0, most]).range([labelWidth, CHART_WIDTH - countWidth]);
  const area = Math.min(x(1) - x(0), y.bandwidth()) ** 2 * 0.45;
  return {
    height,
    rows: years.map((year) => {
      const middle = required(y(year.year), `the row of ${year.year}`) + y.bandwidth() / 2;
      return {
        year: year.year,
        y: middle,
        total: year.total,
        totalX: x(year.total) + 6,
        marks: year.inspections.map((inspection, at) => ({
          x: x(at + 0.5),
          y: middle,
          path: bandSymbol(inspection.band, area),
          band: inspection.band,
          title: `${inspection.authority}, inspected ${year.year}: ${inspection.grade}`,
        })),
      };
    }),
  };
}

export interface MovementChart {
  height: number;
  bars: Array<{ label: string; mark: string; count: number; y: number; height: number; x: number; width: number; countX: number }>;
}

/** A bar per direction (improved, same, declined), its length the number of authorities, labelled in words. */
export function movementChart(counts: ReturnType<typeof movementCounts>): MovementChart {
  const labelWidth = 110;
  const height = 36 * counts.length;
  const y = scaleBand<string>().domain(counts.map((c) => c.direction)).range([0, height]).paddingInner(0.25);
  const x = scaleLinear().domain([0, Math.max(1, ...counts.map((c) => c.count))]).range([labelWidth, CHART_WIDTH - 32]);
  return {
    height,
    bars: counts.map((c) => ({
      label: c.label,
      mark: c.mark,
      count: c.count,
      y: required(y(c.direction), `the bar of ${c.direction}`),
      height: y.bandwidth(),
      x: labelWidth,
      width: x(c.count) - labelWidth,
      countX: x(c.count) + 6,
    })),
  };
}

export interface TimelineChart {
  height: number;
  columns: Array<{ x: number; year: string; framework: string }>;
  /** Each area's name in lines (`labelLines`, each with its baseline), then its marks below. */
  rows: Array<{ name: string; labelLines: Array<{ text: string; y: number }>; marks: Mark[] }>;
}

/**
 * A timeline's row labels are 14 units high (`.chart__row-label`), about 13 px on a 320 px phone where the chart
 * shrinks to fit; at that size a line holds TIMELINE_LABEL_CHARS characters across the chart, so a longer area name
 * ("Impact of leaders (leadership, management and governance)") takes two lines rather than small print.
 */
export const TIMELINE_LABEL_CHARS = 36;
const TIMELINE_LABEL_LINE = 17;

/** Words in lines of at most `width` characters (a longer word has a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * An authority's grades over time: a column per inspection (oldest first), a row per area as in its judgement
 * table (the same `judgementHistory` rows), each grade a shape under the area's name.
 */
export function timelineChart(inspections: readonly ReportRecord[], rows: readonly HistoryRow[]): TimelineChart {
  const header = 30;
  const markHeight = 32;
  const scale = scalePoint<string>().domain(inspections.map((i) => i.slug)).range([24, CHART_WIDTH - 24]).padding(inspections.length === 1 ? 1 : 0);
  const x = (report: ReportRecord) => required(scale(report.slug), `the column of ${report.slug}`);
  let top = header;
  const shaped = rows.map((row) => {
    const labelLines = wrapWords(row.name, TIMELINE_LABEL_CHARS).map((text, line) => ({ text, y: top + 14 + TIMELINE_LABEL_LINE * line }));
    const markY = top + TIMELINE_LABEL_LINE * (labelLines.length - 1) + markHeight;
    top = markY + 14;
    return {
      name: row.name,
      labelLines,
      marks: row.cells.flatMap((cell, column) => {
        if (!cell) return [];
        const band = gradeBand(cell.grade);
        const report = required(inspections[column], `inspection ${column} of ${row.name}`);
        return [{ x: x(report), y: markY, path: bandSymbol(band, 130), band, title: `${row.name}, ${formatDate(report.published)}: ${cell.grade}` }];
      }),
    };
  });
  return {
    height: top,
    columns: inspections.map((i) => ({ x: x(i), year: i.published.slice(0, 4), framework: i.framework ?? '' })),
    rows: shaped,
  };
}
