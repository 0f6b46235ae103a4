/** Every URL the site publishes, in one place: these are permanent, so they are built only here. */
export const homeUrl = '/';
export const reportUrl = (slug: string) => `/reports/${slug}/`;
export const anchorUrl = (slug: string, anchor: string) => `${reportUrl(slug)}#${anchor}`;
export const recommendationUrl = (slug: string, number: number) => `${reportUrl(slug)}recommendations/${number}/`;
/** Every authority, A to Z. */
export const authoritiesUrl = '/authorities/';
export const authorityUrl = (authoritySlug: string) => `${authoritiesUrl}${authoritySlug}/`;
export const compareUrl = (authoritySlug: string, a: string, b: string) =>
  `${authorityUrl(authoritySlug)}compare/${a}/${b}/`;
/** Every theme. */
export const themesUrl = '/themes/';
export const themeUrl = (themeSlug: string) => `${themesUrl}${themeSlug}/`;
/** The national picture: every authority's latest grade, as charts and tables. */
export const nationalPageUrl = '/national/';
export const searchUrl = (query?: string) => (query ? `/search/?q=${encodeURIComponent(query)}` : '/search/');
/** The authority's page on Ofsted's reports website, from its URN: it lists every report Ofsted published on it. */
export const ofstedProviderUrl = (urn: string) => `https://reports.ofsted.gov.uk/provider/44/${encodeURIComponent(urn)}`;
/** The glossary page; `term` is an entry's anchor there (/glossary/#lado). */
export const glossaryUrl = (term?: string) => (term ? `/glossary/#${term.toLowerCase()}` : '/glossary/');
export const authorityRecommendationsUrl = (authoritySlug: string) => `${authorityUrl(authoritySlug)}recommendations/`;
