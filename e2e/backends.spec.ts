import { expect, test } from '@playwright/test';
import { Studio, holdOut } from './studio';

/**
 * Each Playwright project starts Chromium with different GPU flags (playwright.config.ts). The
 * studio picks WebGL on its own (the fastest where both run); WebGPU is asked for by name.
 */
const EXPECTED = {
  webgl: { query: '', badge: 'WebGL', skipped: null },
  webgpu: { query: '?backend=webgpu', badge: 'WebGPU', skipped: null },
  cpu: { query: '?backend=cpu', badge: 'CPU', skipped: null },
} as const;

test('the badge names the backend in use and a short run trains on it', async ({
  page,
}, testInfo) => {
  const expected = EXPECTED[testInfo.project.name as keyof typeof EXPECTED];
  const studio = new Studio(page);
  await studio.open(expected.query);
  await studio.ready();
  await expect(studio.badge.locator('.backend-name')).toHaveText(expected.badge);
  if (expected.skipped)
    await expect(page.getByTestId('backend-skipped')).toContainText(expected.skipped);
  else await expect(page.getByTestId('backend-skipped')).toHaveCount(0);

  // A short run: 20 steps, scored on 100 validation and 100 test digits.
  await holdOut(studio, 1);
  await studio.openTrain();
  await studio.fill('epochs', '1');
  await studio.fill('examples-per-epoch', '640');
  await studio.button('train').click();
  expect(await studio.waitForRunEnd()).toBe('completed');
  // 20 steps of 32 digits already beat chance (10%) by far.
  expect(await studio.testAccuracy()).toBeGreaterThan(0.3);
  // The loss curve reaches the run's last step.
  const lastStep = await studio.step();
  await expect.poll(() => studio.curveStep('loss')).toBe(lastStep);
  expect(await studio.curveInk('loss')).toBeGreaterThan(0);
  expect(studio.errors).toEqual([]);
});
