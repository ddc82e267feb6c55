import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Opens the Playground tab. */
export async function openPlayground(page: Page): Promise<void> {
  await page.getByTestId('tab-playground').click();
  await expect(page.getByTestId('playground')).toBeVisible();
}

/** Draws a 7 on the pad with the mouse, as a person would. */
export async function drawSeven(page: Page): Promise<void> {
  const pad = page.getByTestId('drawing-pad');
  const box = await pad.boundingBox();
  if (!box) throw new Error('The drawing pad is not visible');
  const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const;
  await page.mouse.move(...at(0.3, 0.25));
  await page.mouse.down();
  await page.mouse.move(...at(0.7, 0.25), { steps: 6 });
  await page.mouse.move(...at(0.45, 0.8), { steps: 8 });
  await page.mouse.up();
}

/** The probabilities the bars show, most probable first. */
export async function barValues(page: Page): Promise<number[]> {
  const items = page.getByTestId('probability-bars').locator('li');
  return (await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-value')))).map(
    Number,
  );
}

/** The top classes the bars name, most probable first. */
export async function barClasses(page: Page): Promise<string[]> {
  return page
    .getByTestId('probability')
    .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-class') ?? ''));
}
