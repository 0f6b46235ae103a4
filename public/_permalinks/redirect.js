// @ts-check
/**
 * On the page left at a moved page's old address (src/lib/permalinks/redirects.ts, `redirectPage`): go on to the new
 * address at once, keeping the `#para-n` a pasted link carries, which the page's meta refresh would drop. A plain
 * file, not bundled, because the build writes those pages itself after Astro has bundled everything else.
 */
const target = document.getElementById('permalink-target');
const to = target?.getAttribute('href');
if (to) location.replace(to + location.hash);
