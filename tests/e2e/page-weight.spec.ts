import { test, expect } from '@playwright/test';

/**
 * The page-weight budget: a report page runs at most 6.3 KB (gzip, as served) of JavaScript before the reader does
 * anything, whatever it enhances (copy buttons, search highlighting, the offline store). Charts add none.
 */
const BUDGET_BYTES = 6300;

for (const path of ['/reports/gloucestershire-2022-04-01-inspection/']) {
  test(`${path}: JavaScript before interaction is within ${BUDGET_BYTES / 1000} KB gzip`, async ({ page }) => {
    const scripts = new Map<string, number>();
    page.on('requestfinished', async (request) => {
      if (request.resourceType() === 'script') scripts.set(new URL(request.url()).pathname, (await request.sizes()).responseBodySize);
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    const total = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
    test.info().annotations.push({ type: 'JavaScript bytes (gzip)', description: `${total}: ${[...scripts].map(([p, b]) => `${p} ${b}`).join(', ')}` });
    expect(scripts.size).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });
}
