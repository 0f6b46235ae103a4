/**
 * How the site is built with Astro: `npm run build` (scripts/build.ts) and the benchmarks run this one command, so a
 * benchmark measures the build as it is run.
 *
 * The heap limit: V8 lets a heap grow to several times what it last found live before it collects it fully, up to
 * about 4 GB on a machine with this much memory. The build keeps about 0.9 GB live at 5,000 reports (the records
 * every page reads), and reached 2.8–3.9 GB resident, most of it garbage not yet collected. A 2 GB old generation
 * makes V8 collect sooner and keeps the build well under the 3 GB budget; at 5,000 reports that is still more than
 * twice what is live (a "JavaScript heap out of memory" stop would mean an archive of about 10,000 reports: raise
 * it then). A fixed growing factor (--heap-growing-percent) was tried instead and did not keep the peak down.
 */
export const ASTRO_BUILD_ARGS = ['--max-old-space-size=2048', 'node_modules/astro/bin/astro.mjs', 'build'];
