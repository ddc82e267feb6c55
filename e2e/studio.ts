import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** A small page object: the studio as a person sees and drives it. */
export class Studio {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(error.message));
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`./${query}`);
    await expect(this.page.getByRole('heading', { name: 'Layerwise' })).toBeVisible();
  }

  get badge() {
    return this.page.getByTestId('backend-badge');
  }

  /** Waits until a backend is active and the dataset is loaded, so Train is enabled. */
  async ready(): Promise<void> {
    await expect(this.badge).toHaveAttribute('data-backend', /.+/, { timeout: 60_000 });
    await expect(this.button('train')).toBeEnabled({ timeout: 60_000 });
  }

  button(id: 'train' | 'pause' | 'resume' | 'stop') {
    return this.page.getByTestId(`${id}-button`);
  }

  async fill(testId: string, value: string): Promise<void> {
    await this.page.getByTestId(testId).fill(value);
  }

  async step(): Promise<number> {
    return Number(await this.page.getByTestId('step').textContent());
  }

  async waitForStepAbove(n: number, timeout = 120_000): Promise<number> {
    await expect.poll(() => this.step(), { timeout }).toBeGreaterThan(n);
    return this.step();
  }

  get report() {
    return this.page.getByTestId('run-report');
  }

  async waitForRunEnd(timeout = 220_000): Promise<string> {
    await expect(this.report).toBeVisible({ timeout });
    await expect(this.page.getByTestId('run-state')).toHaveAttribute('data-state', 'idle', {
      timeout,
    });
    return (await this.report.getAttribute('data-outcome')) ?? '';
  }

  async testAccuracy(): Promise<number> {
    return Number(await this.page.getByTestId('test-accuracy').getAttribute('data-value'));
  }

  async curvePoints(which: 'loss' | 'accuracy'): Promise<number> {
    return Number((await this.page.getByTestId(`${which}-curve`).getAttribute('data-points')) ?? 0);
  }
}
