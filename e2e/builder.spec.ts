import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { Studio, holdOut } from './studio';

test.describe('the layer builder', () => {
  test('a network built with mouse drags from an empty canvas trains well above chance', async ({
    page,
  }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.ready();
    await studio.openBuild();
    await page.getByTestId('clear-button').click();
    await expect(page.locator('.react-flow__node')).toHaveCount(0);

    const kinds = ['input', 'conv2d', 'maxPool2d', 'flatten', 'dense'];
    for (const [i, kind] of kinds.entries()) {
      await studio.dragLayer(kind, { x: 0.3 + 0.1 * (i % 2), y: 0.1 + 0.18 * i });
      await expect(studio.layer(`${kind}_1`)).toBeVisible();
    }
    await page.getByTestId('layout-button').click();
    await page.getByTestId('fit-button').click();
    await page.waitForTimeout(400);

    const chain = kinds.map((kind) => `${kind}_1`);
    for (let i = 0; i + 1 < chain.length; i++) await studio.wire(chain[i]!, chain[i + 1]!);

    await studio.layer('dense_1').click();
    await page.getByTestId('field-units').fill('10');
    await page.getByTestId('field-activation').selectOption('softmax');

    await expect(studio.wireLabel('input_1', 'conv2d_1')).toHaveText('28×28×1');
    await expect(studio.wireLabel('conv2d_1', 'maxPool2d_1')).toHaveText('26×26×8');
    await expect(studio.wireLabel('maxPool2d_1', 'flatten_1')).toHaveText('13×13×8');
    await expect(studio.wireLabel('flatten_1', 'dense_1')).toHaveText('1352');
    await expect(page.getByTestId('node-shape-dense_1')).toHaveText('10');
    expect(await studio.problemCount()).toBe(0);

    await studio.openTrain();
    await studio.fill('epochs', '1');
    await studio.fill('examples-per-epoch', '640');
    await expect(studio.button('train')).toBeEnabled();
    await studio.button('train').click();
    expect(await studio.waitForRunEnd()).toBe('completed');
    const accuracy = await studio.testAccuracy();
    test.info().annotations.push({ type: 'test accuracy', description: String(accuracy) });
    console.log(`built-by-mouse network: test accuracy ${accuracy}`);
    expect(accuracy).toBeGreaterThan(0.3);
    expect(studio.errors).toEqual([]);
  });

  test('deleting the Flatten explains itself on the Dense layer and in the Train panel, and the fix repairs it', async ({
    page,
  }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.ready();
    await studio.openBuild();
    await studio.layer('flatten').click();
    await page.keyboard.press('Delete');
    await expect(studio.layer('flatten')).toHaveCount(0);
    await expect(studio.layer('dense1')).toHaveAttribute('data-problem', 'true');
    await expect(page.getByTestId('node-problem-dense1')).toHaveAttribute('aria-label', /flat/i);

    await studio.openTrain();
    await expect(studio.button('train')).toBeDisabled();
    await expect(page.getByTestId('train-blocked')).toContainText(/The network has \d+ problems?:/);
    await expect(page.getByTestId('train-blocked')).toContainText('dense1');

    await page.getByTestId('open-build').click();
    await page.getByTestId('problem-fix').first().click();
    await expect(page.getByTestId('problems')).toHaveAttribute('data-count', '0');
    await expect(studio.layer('dense1')).toHaveAttribute('data-problem', 'false');
    await studio.openTrain();
    await expect(studio.button('train')).toBeEnabled();
    expect(studio.errors).toEqual([]);
  });

  test('every template trains a few steps on the CPU backend', async ({ page }) => {
    const studio = new Studio(page);
    await studio.open('?backend=cpu');
    await studio.ready();
    // Evaluating 1,000 validation and 1,000 test digits per template is slow on the JS CPU
    // backend and says nothing about the templates: hold out 1 % each instead.
    await holdOut(studio, 1);
    await studio.openTrain();
    await studio.fill('epochs', '1');
    await studio.fill('examples-per-epoch', '64');
    const options = page.getByTestId('template-select').locator('option');
    await studio.openBuild();
    const templates = (
      await options.evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value))
    ).filter(Boolean);
    expect(templates.length).toBeGreaterThanOrEqual(5);
    for (const template of templates) {
      await studio.openBuild();
      await page.getByTestId('template-select').selectOption(template);
      await expect(page.getByTestId('problems'), template).toHaveAttribute('data-count', '0');
      await studio.openTrain();
      await studio.button('train').click();
      expect(await studio.waitForRunEnd(), template).toBe('completed');
      await expect(page.getByTestId('epoch')).toHaveText('1 / 1');
    }
    expect(studio.errors).toEqual([]);
  });

  test('a layer can be added and wired with the keyboard alone', async ({ page }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.openBuild();
    // Keyboard focus moves to the node; Enter selects it as a click would. The canvas shows
    // a layer (and lets it take focus) once it has measured it.
    const output = page.locator('.react-flow__node[data-id="output"]');
    await expect(output).toBeVisible();
    await output.focus();
    await expect(output).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('inspector')).toContainText('(output)');

    await page.getByTestId('palette-add-dropout').focus();
    await expect(page.getByTestId('palette-dropout').getByRole('tooltip')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(studio.layer('dropout_2')).toBeVisible();
    await expect(studio.wireLabel('output', 'dropout_2')).toHaveText('10');
    await expect(page.getByTestId('inspector')).toContainText('(dropout_2)');

    await page.getByTestId('remove-wire-output-dropout_2').focus();
    await page.keyboard.press('Enter');
    await expect(studio.wireLabel('output', 'dropout_2')).toHaveCount(0);

    const connect = page.getByTestId('connect-input');
    await connect.focus();
    // In a closed select, arrow keys pick the next option and fire change, as for a person.
    while (
      (await page.getByTestId('spec-probe').getAttribute('data-spec'))?.includes(
        '"to":"dropout_2"',
      ) !== true
    ) {
      await page.keyboard.press('ArrowDown');
    }
    const spec = JSON.parse(await studio.spec()) as { edges: { from: string; to: string }[] };
    const into = spec.edges.filter((edge) => edge.to === 'dropout_2');
    expect(into).toHaveLength(1);
    await expect(studio.wireLabel(into[0]!.from, 'dropout_2')).toBeVisible();
    expect(studio.errors).toEqual([]);
  });

  test('undo and redo walk through a sequence of edits restoring the exact specs', async ({
    page,
  }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.openBuild();
    const specs = [await studio.spec()];
    // React commits after the event, so each new spec is awaited rather than read at once.
    const done = async () => {
      await expect.poll(() => studio.spec()).not.toBe(specs.at(-1));
      specs.push(await studio.spec());
    };

    await studio.layer('conv1').click();
    await page.getByTestId('field-filters').fill('12');
    await done();
    await page.getByTestId('field-name').fill('first conv');
    await done();
    await page.getByTestId('palette-add-batchNorm').click();
    await done();
    await studio.canvas.scrollIntoViewIfNeeded();
    const box = (await studio.layer('dense1').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 150, box.y + 30, { steps: 10 });
    await page.mouse.up();
    await done();
    await studio.layer('dropout').click();
    await page.keyboard.press('Delete');
    await done();
    await studio.layer('pool1').click();
    await page.keyboard.press('Control+d');
    await done();

    for (let i = specs.length - 2; i >= 0; i--) {
      if (i % 2) await page.keyboard.press('Control+z');
      else await page.getByTestId('undo-button').click();
      await expect.poll(() => studio.spec()).toBe(specs[i]);
    }
    await expect(page.getByTestId('undo-button')).toBeDisabled();
    for (let i = 1; i < specs.length; i++) {
      if (i % 3 === 0) await page.keyboard.press('Control+y');
      else if (i % 3 === 1) await page.keyboard.press('Control+Shift+z');
      else await page.getByTestId('redo-button').click();
      await expect.poll(() => studio.spec()).toBe(specs[i]);
    }
    await expect(page.getByTestId('redo-button')).toBeDisabled();
    expect(studio.errors).toEqual([]);
  });

  test('the Build panel has no serious or critical accessibility violation', async ({ page }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.openBuild();
    await studio.layer('conv1').click();
    await expect(page.getByTestId('inspector')).toContainText('(conv1)');
    const results = await new AxeBuilder({ page }).include('[data-testid="build-panel"]').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
    ).toEqual([]);
  });
});
