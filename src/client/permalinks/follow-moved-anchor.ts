/**
 * On every page, when content/redirects.json moves an anchor: a pasted `#anchor` that no longer exists on this page
 * follows its redirect. Fragments never reach a server, so only the page can do this; the table of moves is
 * /_permalinks/anchors.json, written by src/integrations/permalinks.ts and fetched only when the anchor is missing.
 */
function wantedAnchor(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return ''; // a malformed escape in a hand-typed link: nothing to follow
  }
}

const wanted = wantedAnchor();
if (wanted && !document.getElementById(wanted)) {
  fetch('/_permalinks/anchors.json')
    .then((response) => (response.ok ? (response.json() as Promise<Record<string, string>>) : {}))
    .then(
      (moves: Record<string, string>) => {
        const to = moves[`${location.pathname}#${wanted}`];
        if (to) location.replace(to);
      },
      () => {}, // offline or no table: the page stays where it is, as without this script
    );
}
