/**
 * Atom feeds (RFC 4287) for people who follow the archive, an authority or a theme. Pure: records in, XML out.
 *
 * Every id is a permanent URL of the archive (the document, the recommendation's page, the paragraph's anchor), so
 * an entry keeps its id in every feed it appears in and across rebuilds. Every date is a document's publication
 * date, never the build clock, so the same archive always gives byte-identical feeds.
 */
import { Feed, type Item } from 'feed';
import type { Paragraph, Recommendation, ReportRecord } from '../../schemas/report.ts';
import { chronological, themePassages, type AuthoritySummary } from '../site/shape.ts';
import { documentTypeName, formatDate, formatDateRange } from '../site/format.ts';
import { anchorUrl, authorityUrl, recommendationUrl, reportUrl, themeUrl } from '../site/urls.ts';
import { absoluteUrl, authorityFeedUrl, documentsFeedUrl, themeFeedUrl } from './urls.ts';
import { escapeAttribute, escapeHtml } from '../html-escape.ts';
import { passageName } from '../site/cite.ts';

export const ARCHIVE_NAME = 'Children’s Services Inspection Archive';

/** Feed readers show the newest entries; older ones stay on the pages and in the exports. */
export const FEED_ENTRIES = 50;

const RIGHTS = 'Report text: Crown copyright and council documents, under the Open Government Licence v3.0.';

/** Midnight UTC on an ISO date: the only time the archive knows for a document. */
const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

const paragraphsHtml = (text: string) =>
  text
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');

interface FeedMeta {
  /** Path of the feed itself. */
  path: string;
  title: string;
  subtitle: string;
  /** Path of the page the feed follows. */
  page: string;
}

/**
 * The feed's `updated` is its newest entry's; a feed with no entries (a theme nothing is tagged with yet) takes the
 * archive's newest publication, the last time anything it could hold changed.
 */
function atom(meta: FeedMeta, items: Item[], fallbackUpdated: string, site: URL): string {
  const updated = items.reduce<Date | null>((latest, item) => (latest && latest >= item.date ? latest : item.date), null) ?? dayOf(fallbackUpdated);
  const feed = new Feed({
    id: absoluteUrl(meta.path, site),
    title: meta.title,
    description: meta.subtitle,
    link: absoluteUrl(meta.page, site),
    feedLinks: { atom: absoluteUrl(meta.path, site) },
    updated,
    author: { name: ARCHIVE_NAME, link: absoluteUrl('/', site) },
    copyright: RIGHTS,
    generator: false,
  });
  for (const item of items) feed.addItem(item);
  return feed.atom1();
}

/** A document as a feed entry: what it is, its judgements, and its recommendations in full. */
function documentItem(report: ReportRecord, site: URL): Item {
  const url = absoluteUrl(reportUrl(report.slug), site);
  const type = documentTypeName(report.documentType);
  const dates = formatDateRange(report.inspectionStart, report.inspectionEnd);
  const judgements = report.judgements.map((j) => `<li>${escapeHtml(j.area)}: <strong>${escapeHtml(j.grade)}</strong></li>`);
  const recommendations = report.recommendations.map((r) => `<li>${escapeHtml(r.text)}</li>`);
  return {
    id: url,
    link: url,
    title: escapeHtml(`${report.authority}: ${type.toLowerCase()}${report.overallEffectiveness ? `, ${report.overallEffectiveness}` : ''}`),
    date: dayOf(report.published),
    published: dayOf(report.published),
    description: escapeHtml(`${report.title}. ${type}${dates ? `, ${dates}` : ''}; published ${formatDate(report.published)} by ${report.source.publisher}.`),
    content: [
      `<p>${escapeHtml(report.title)}</p>`,
      judgements.length ? `<ul>${judgements.join('')}</ul>` : '',
      recommendations.length ? `<p>Recommendations:</p><ol>${recommendations.join('')}</ol>` : '',
    ].join(''),
    author: [{ name: report.source.publisher }],
  };
}

const newestFirst = (records: readonly ReportRecord[]) => chronological(records).reverse();

/** The newest publication date in the archive; an empty archive has published nothing since the epoch. */
const archiveUpdated = (newest: readonly ReportRecord[]) => newest[0]?.published ?? '1970-01-01';

/** The newest documents across the archive. */
export function documentsFeed(records: readonly ReportRecord[], site: URL): string {
  const latest = newestFirst(records);
  return atom(
    { path: documentsFeedUrl, title: `${ARCHIVE_NAME}: new documents`, subtitle: 'Ofsted inspections, monitoring visits and council reports on English councils’ children’s services, newest first.', page: '/' },
    latest.slice(0, FEED_ENTRIES).map((report) => documentItem(report, site)),
    archiveUpdated(latest),
    site,
  );
}

/** Every new document on one authority. */
export function authorityFeed(authority: AuthoritySummary, site: URL): string {
  const latest = newestFirst(authority.documents);
  return atom(
    { path: authorityFeedUrl(authority.slug), title: `${authority.name}: children’s services inspections`, subtitle: `New Ofsted inspections, visits and council reports on ${authority.name} children’s services.`, page: authorityUrl(authority.slug) },
    latest.slice(0, FEED_ENTRIES).map((report) => documentItem(report, site)),
    archiveUpdated(latest),
    site,
  );
}

type ThemePassage = { report: ReportRecord } & ({ recommendation: Recommendation } | { paragraph: Paragraph });

function passageItem(passage: ThemePassage, site: URL): Item {
  const { report } = passage;
  const source = `${report.authority}, ${documentTypeName(report.documentType).toLowerCase()}, ${formatDate(report.published)}`;
  const [url, id, text] =
    'recommendation' in passage
      ? [absoluteUrl(recommendationUrl(report.slug, passage.recommendation.number), site), passage.recommendation.id, passage.recommendation.text]
      : [absoluteUrl(anchorUrl(report.slug, passage.paragraph.id), site), passage.paragraph.id, passage.paragraph.text];
  // Named as the theme page names it: "Recommendation 3", "¶ 6.0 (2nd)".
  const name = passageName(report, id).label;
  return {
    id: url,
    link: url,
    title: escapeHtml(`${source}: ${name}`),
    date: dayOf(report.published),
    published: dayOf(report.published),
    content: `${paragraphsHtml(text)}<p>From <a href="${escapeAttribute(absoluteUrl(reportUrl(report.slug), site))}">${escapeHtml(report.title)}</a>.</p>`,
    author: [{ name: report.source.publisher }],
  };
}

/**
 * Recommendations and findings on one theme, newest document first; within a document its recommendations, then
 * its paragraphs, in the report's order.
 */
export function themeFeed(theme: { slug: string; title: string; description: string }, records: readonly ReportRecord[], site: URL): string {
  const latest = newestFirst(records);
  const passages: ThemePassage[] = themePassages(records, theme.slug).flatMap(({ report, recommendations, paragraphs }) => [
    ...recommendations.map((recommendation) => ({ report, recommendation })),
    ...paragraphs.map((paragraph) => ({ report, paragraph })),
  ]);
  return atom(
    { path: themeFeedUrl(theme.slug), title: `${theme.title}: recommendations and findings`, subtitle: theme.description, page: themeUrl(theme.slug) },
    passages.slice(0, FEED_ENTRIES).map((passage) => passageItem(passage, site)),
    archiveUpdated(latest),
    site,
  );
}
