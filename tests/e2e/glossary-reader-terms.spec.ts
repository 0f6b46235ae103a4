import { test, expect as baseExpect } from '@playwright/test';

// A first search on a busy machine can take seconds.
const expect = baseExpect.configure({ timeout: 15_000 });

// Terms of the field a reader types that the reports mostly spell out (content/glossary.json): the first passage
// found, followed to its report page, is about the term, whether it prints the form typed (which ranks first where a
// report prints it, src/lib/search/rank.ts) or the reports' longer way. Works on the committed 60-document archive.
const TERMS = [
  { query: 's20', words: /\bs\.? ?20\b|section 20|voluntar\w* accommodat/i },
  { query: 'IHA timeliness', words: /initial (and review )?health assessment|\bIHAs?\b/i },
];

for (const { query, words } of TERMS) {
  test(`"${query}" lands on a paragraph about it`, async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent(query)}`);
    const first = page.locator('.search-hit__label').first();
    await expect(first).toBeVisible();
    const href = (await first.getAttribute('href'))!;
    await page.goto(href);
    const anchor = new URL(href, 'http://archive.test').hash;
    await expect(page.locator(`${anchor} .para__text, ${anchor}`).first()).toContainText(words);
  });
}
