/**
 * The offline page (src/pages/offline/index.astro): lists the pages stored on this device by their titles, and,
 * when the service worker has shown it in place of a page that is not stored, says so.
 */
import { OFFLINE_PAGE, isPagesCache } from '../lib/offline/policy.ts';
import { canStore } from './offline-store.ts';

const SITE_NAME_SUFFIX = / – Children’s Services Inspection Archive$/;
/** A page's <title> comes within its first few kilobytes: only those are read. */
const TITLE_WITHIN = 8192;

/** The title of a stored page, read from the start of its HTML. */
async function titleOf(response: Response): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let head = '';
  while (head.length < TITLE_WITHIN && !head.includes('</title>')) {
    const { done, value } = await reader.read();
    if (done) break;
    head += decoder.decode(value, { stream: true });
  }
  void reader.cancel();
  const title = /<title>([^<]*)<\/title>/.exec(head)?.[1];
  if (!title) return null;
  const text = new DOMParser().parseFromString(title, 'text/html').documentElement.textContent ?? title;
  return text.replace(SITE_NAME_SUFFIX, '');
}

async function storedPages(): Promise<Array<{ path: string; title: string }>> {
  const pages: Array<{ path: string; title: string }> = [];
  for (const name of (await caches.keys()).filter(isPagesCache)) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const path = new URL(request.url).pathname;
      if (response) pages.push({ path, title: (await titleOf(response)) ?? path });
    }
  }
  return pages.sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
}

const missing = document.querySelector<HTMLElement>('[data-offline-missing]');
if (missing && location.pathname !== OFFLINE_PAGE) missing.hidden = false;

const summary = document.querySelector<HTMLElement>('[data-offline-summary]');
const list = document.querySelector<HTMLUListElement>('[data-offline-list]');
if (!summary || !list) {
  // Not the offline page: nothing to list.
} else if (canStore()) {
  void storedPages().then((pages) => {
    summary.textContent =
      pages.length === 0
        ? 'Nothing yet: pages are saved here as you open them.'
        : `${pages.length} ${pages.length === 1 ? 'page opens' : 'pages open'} here without signal:`;
    list.replaceChildren(
      ...pages.map(({ path, title }) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = path;
        link.textContent = title;
        item.append(link);
        return item;
      }),
    );
  });
} else {
  summary.textContent = 'This browser does not keep pages for reading offline (or JavaScript is off).';
}
