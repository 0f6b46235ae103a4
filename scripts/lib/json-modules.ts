/**
 * Lets Node import JSON files as modules without an import attribute, as the browser bundle does: the search page's
 * engine (src/client/search/engine.ts) imports content/glossary.json, and the benchmarks and tests that run that
 * engine in Node import it after this module.
 */
import { register } from 'node:module';

register(`data:text/javascript,${encodeURIComponent(`
  import { readFileSync } from 'node:fs';
  export async function load(url, context, next) {
    if (url.startsWith('file:') && url.endsWith('.json')) return { format: 'module', source: 'export default ' + readFileSync(new URL(url), 'utf8'), shortCircuit: true };
    return next(url, context);
  }`)}`);
