/** Every URL the site publishes, in one place: these are permanent, so they are built only here. */
export const reportUrl = (slug: string) => `/reports/${slug}/`;
export const anchorUrl = (slug: string, anchor: string) => `${reportUrl(slug)}#${anchor}`;
export const recommendationUrl = (slug: string, number: number) => `${reportUrl(slug)}recommendations/${number}/`;
export const authorityUrl = (authoritySlug: string) => `/authorities/${authoritySlug}/`;
export const compareUrl = (authoritySlug: string, a: string, b: string) =>
  `${authorityUrl(authoritySlug)}compare/${a}/${b}/`;
export const themeUrl = (themeSlug: string) => `/themes/${themeSlug}/`;
export const searchUrl = (query?: string) => (query ? `/search/?q=${encodeURIComponent(query)}` : '/search/');
export const authorityRecommendationsUrl = (authoritySlug: string) => `${authorityUrl(authoritySlug)}recommendations/`;
