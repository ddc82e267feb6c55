import { expect, test } from '@playwright/test';
import { Studio } from './studio';

// Runs in the default project only, whose Chromium has WebGL but no WebGPU.
test('a backend asked for that the browser lacks is skipped with the reason, and the next one runs', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open('?backend=webgpu');
  await studio.ready();
  await expect(studio.badge.locator('.backend-name')).toHaveText('WebGL');
  await expect(page.getByTestId('backend-skipped')).toContainText(/WebGPU: no WebGPU adapter/);
  expect(studio.errors).toEqual([]);
});
