/**
 * A theme's page: its recommendations, then its findings, newest document first, each named by where it comes from
 * and capped, so a theme page stays light on a phone at national scale (uncapped, a theme's page was 780 KB at 5,000
 * reports); a search for the theme reaches the rest.
 */
import type { ReportRecord } from '../../schemas/report.ts';
import type { Theme } from '../link/themes.ts';
import { passageName } from './cite.ts';
import { documentTypeName, formatDate, openingOf } from './format.ts';
import { themeEntries } from './shape.ts';
import { anchorUrl, recommendationUrl, searchUrl } from './urls.ts';

/** How many recommendations, and how many findings, a theme page lists. */
export const THEME_ENTRIES_SHOWN = 60;

/** One recommendation or finding as listed: a link named by its document and passage, and the start of its text. */
export interface ThemeEntry {
  href: string;
  name: string;
  text: string;
}

export function themePage(reports: readonly ReportRecord[], theme: Theme) {
  const { recommendations, findings } = themeEntries(reports, theme.slug);
  const source = (report: ReportRecord) => `${report.authority}, ${documentTypeName(report.documentType).toLowerCase()}, ${formatDate(report.published)}`;
  const entry = (report: ReportRecord, id: string, href: string, text: string): ThemeEntry => ({
    href,
    name: `${source(report)}: ${passageName(report, id).label}`,
    text: openingOf(text, 260),
  });
  return {
    /** The search page, searching for the theme and filtered to it. */
    searchUrl: `${searchUrl(theme.title)}&theme=${encodeURIComponent(theme.title)}`,
    recommendations: {
      total: recommendations.length,
      shown: recommendations
        .slice(0, THEME_ENTRIES_SHOWN)
        .map(({ report, recommendation: r }) => entry(report, r.id, recommendationUrl(report.slug, r.number), r.text)),
    },
    findings: {
      total: findings.length,
      shown: findings.slice(0, THEME_ENTRIES_SHOWN).map(({ report, paragraph: p }) => entry(report, p.id, anchorUrl(report.slug, p.id), p.text)),
    },
  };
}

export type ThemePage = ReturnType<typeof themePage>;
