import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { sitemapPaths } from './pages.ts';

// Every page in the sitemap, at phone and desktop widths (the two projects), against WCAG 2.2 A and AA.
for (const path of sitemapPaths()) {
  test(`axe finds no WCAG 2.2 A/AA violations on ${path}`, async ({ page }) => {
    // axe walks every node: on the longest reports (250 paragraphs, each with its tools) that takes over 30 s on a
    // busy machine.
    test.setTimeout(120_000);
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
    expect(summary).toEqual([]);
  });
}
