import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { DataPanel, watchLoads } from './data.studio';
import { longestTask, resetLongestTask, watchLongTasks } from './long-tasks';
import { Studio, fillSettings, studioOnTrain } from './studio';
import { analyse } from '../src/model/analyse';
import { chain, layer } from '../src/model/spec-builder';
import { starterNetwork } from '../src/model/templates';
import type { LayerNode, ModelSpec } from '../src/shared/model-spec';
import type { Project } from '../src/shared/project/project';
import { EMPTY_RUN_HISTORY } from '../src/shared/project/project';
import { makeProject } from '../src/shared/project/make-project';

/** Markup a project file might smuggle into any string the studio shows. */
const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';

const MNIST_REFERENCE: Project['data']['dataset'] = {
  kind: 'sample',
  name: 'MNIST digits',
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  inputShape: [28, 28, 1],
  source: { kind: 'sample', id: 'mnist' },
  classEdits: [],
};

/** A project on the bundled digits, as a `.layerwise` file the file input takes. */
function projectFile(name: string, changes: Partial<Project>) {
  const base = makeProject();
  const project = makeProject({
    data: { config: base.data.config, dataset: MNIST_REFERENCE },
    ...changes,
  });
  return {
    name,
    mimeType: 'application/zip',
    buffer: Buffer.from(zipSync({ 'project.json': strToU8(JSON.stringify(project)) })),
  };
}

async function openProject(page: Page, file: ReturnType<typeof projectFile>): Promise<void> {
  await page.getByTestId('project-file-input').setInputFiles(file);
}

const notice = (page: Page) => page.getByTestId('project-notice');

/** Input, Flatten, `hidden` small Dense layers and the softmax output. */
function deepDenseNetwork(hidden: number): ModelSpec {
  const nodes: LayerNode[] = [
    layer('input', 'input', { shape: [28, 28, 1] }),
    layer('flatten', 'flatten'),
  ];
  for (let i = 1; i <= hidden; i++) {
    nodes.push(layer('dense', `dense${i}`, { units: 8, activation: 'relu' }));
  }
  nodes.push(layer('dense', 'output', { units: 10, activation: 'softmax' }));
  return chain(nodes);
}

test.describe('training settings that cannot work', () => {
  test('a learning rate of 0 and 0 epochs are refused beside their fields, saying why, and Train waits', async ({
    page,
  }) => {
    const studio = await studioOnTrain(page);
    await studio.fill('learning-rate', '0');
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: 'at 0 no weight ever changes, so the network cannot learn' }),
    ).toBeVisible();
    await expect(studio.button('train')).toBeDisabled();
    await studio.fill('learning-rate', '0.01');
    await expect(studio.button('train')).toBeEnabled();

    await studio.fill('epochs', '0');
    await expect(
      page.getByRole('alert').filter({ hasText: 'a run of 0 epochs never sees an example' }),
    ).toBeVisible();
    await expect(studio.button('train')).toBeDisabled();
    await studio.fill('epochs', '1');
    await expect(studio.button('train')).toBeEnabled();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(studio.errors).toEqual([]);
  });

  test('a batch size larger than the training split trains on the whole split each step, as the note beside the field says', async ({
    page,
  }) => {
    await watchLoads(page);
    const studio = new Studio(page);
    await studio.open();
    await studio.ready();
    const data = new DataPanel(page);
    await data.open();
    await data.chooseSource('shapes');
    await data.setField('shapes-count', 60);
    expect(await data.load(() => page.getByTestId('shapes-generate').click())).toBe('loaded');
    await data.expectDataset('32×32×3', 60);
    const train = /(\d+) train/.exec((await data.summary.textContent()) ?? '')?.[1];
    expect(Number(train)).toBeLessThan(64);

    await fillSettings(studio, { batchSize: 64, epochs: 2 });
    await expect(page.getByTestId('batch-size-note')).toHaveText(
      `The training split has only ${train} examples, fewer than the batch size: each epoch is one step on all ${train}, as if the batch size were ${train}.`,
    );
    // The Build panel's memory estimate counts the batch a step really takes.
    await studio.openBuild();
    await expect(page.getByTestId('build-totals')).toContainText(
      `Training memory (batch ${train})`,
    );
    await studio.openTrain();
    await studio.button('train').click();
    expect(await studio.waitForRunEnd()).toBe('completed');
    // One step per epoch: the run did what the note said.
    expect(await studio.step()).toBe(2);
    await studio.fill('batch-size', '16');
    await expect(page.getByTestId('batch-size-note')).toHaveCount(0);
    expect(studio.errors).toEqual([]);
  });
});

test.describe('networks too large for the tab', () => {
  test('Dense(1,000,000) is refused before anything is built, saying how much memory it needs and what to change', async ({
    page,
  }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.ready();
    // The Inspector stops at 4096 units; a project file or share link has no such field.
    const spec = starterNetwork();
    spec.nodes = spec.nodes.map((node) =>
      node.kind === 'dense' && node.id === 'dense1'
        ? { ...node, config: { ...node.config, units: 1_000_000 } }
        : node,
    );
    await openProject(
      page,
      projectFile('huge.layerwise', { name: 'Huge', spec, runs: EMPTY_RUN_HISTORY }),
    );
    await expect(notice(page)).toContainText('Opened “Huge” from huge.layerwise.');
    await studio.openBuild();
    const problem = page.getByTestId('problem').filter({ hasText: 'dense1: training needs about' });
    await expect(problem).toContainText(
      /about \d+\.\d GB of memory at batch 64, more than the \d+\.\d GB a browser tab can give it\. This layer holds [\d,]+ of the network's [\d,]+ parameters: give it fewer units or filters/,
    );
    await studio.openTrain();
    await expect(page.getByTestId('train-blocked')).toContainText('dense1: training needs about');
    await expect(studio.button('train')).toBeDisabled();
    // Shortcuts and the Train action share the refusal: no run starts.
    await page.keyboard.press('t');
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'idle');
    await expect(studio.report).toBeHidden();

    // A network the tab can hold trains again.
    await page.getByTestId('open-build').click();
    // The canvas may still be fitting the network into view as the panel opens, moving the
    // layer from under the first click.
    await expect(async () => {
      await studio.layer('dense1').click();
      await expect(page.getByTestId('field-units')).toBeVisible({ timeout: 2_000 });
    }).toPass();
    await page.getByTestId('field-units').fill('32');
    await expect.poll(() => studio.problemCount()).toBe(0);
    await studio.openTrain();
    await expect(page.getByTestId('train-blocked')).toHaveCount(0);
    await expect(studio.button('train')).toBeEnabled();
    expect(studio.errors).toEqual([]);
  });

  test('a project of 500 layers opens without freezing the builder, sums up right and trains', async ({
    page,
  }) => {
    await watchLongTasks(page);
    const studio = new Studio(page);
    await studio.open();
    await studio.ready();
    await studio.openBuild();
    const spec = deepDenseNetwork(497);
    expect(spec.nodes).toHaveLength(500);
    const expected = analyse(spec, { shape: [28, 28, 1], classes: 10 });
    expect(expected.problems).toEqual([]);

    await resetLongestTask(page);
    await openProject(
      page,
      projectFile('deep.layerwise', { name: 'Deep', spec, runs: EMPTY_RUN_HISTORY }),
    );
    await expect(notice(page)).toContainText('Opened “Deep” from deep.layerwise.');
    await expect(page.getByTestId('totals-params')).toHaveText(
      expected.totalParams.toLocaleString('en-US'),
    );
    await expect(page.getByTestId('summary-row-dense497')).toBeAttached();
    await expect.poll(() => studio.problemCount()).toBe(0);
    expect(await longestTask(page)).toBeLessThan(1500);

    // Laying out and framing 500 layers keeps the page responsive too.
    await resetLongestTask(page);
    const before = await studio.spec();
    await page.getByTestId('layout-button').click();
    await expect.poll(() => studio.spec()).not.toBe(before);
    await page.getByTestId('fit-button').click();
    await expect(studio.layer('dense250')).toBeAttached();
    expect(await longestTask(page)).toBeLessThan(1500);

    await fillSettings(studio, { epochs: 1, batchSize: 32, examplesPerEpoch: 64 });
    await studio.button('train').click();
    expect(await studio.waitForRunEnd()).toBe('completed');
    expect(await studio.step()).toBe(2);
    expect(studio.errors).toEqual([]);
  });
});

test.describe('project files holding markup', () => {
  test('markup in every string of a project file stays text, fires nothing, and a string that breaks the schema is refused by field', async ({
    page,
  }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const studio = new Studio(page);
    await studio.open();
    await studio.ready();

    const base = makeProject();
    const spec = chain(
      [
        layer('input', 'input', { shape: [28, 28, 1] }),
        layer('flatten', 'flatten'),
        layer('dense', 'hidden', { units: 16, activation: 'relu' }),
        layer('dense', 'output', { units: 10, activation: 'softmax' }),
      ].map((node, i) => ({ ...node, name: `${i % 2 ? IMG : SCRIPT} ${node.id}` })),
    );
    const [record] = base.runs.history;
    if (!record) throw new Error('makeProject has no run record');
    const hostile = projectFile('hostile.layerwise', {
      name: IMG,
      spec,
      runs: {
        ...base.runs,
        report: { outcome: 'completed', message: SCRIPT, test: { loss: 0.8, accuracy: 0.65 } },
        history: [
          {
            ...record,
            spec,
            note: IMG,
            message: SCRIPT,
            dataset: { ...record.dataset, name: IMG, classNames: [IMG, SCRIPT, 'c', 'd'] },
            marks: [{ kind: 'learningRate', step: 12, epoch: 1, label: SCRIPT }],
          },
        ],
      },
    });
    await openProject(page, hostile);
    await expect(notice(page)).toContainText(`Opened “${IMG}” from hostile.layerwise.`);
    await expect(page.getByTestId('project-menu-button')).toContainText(IMG);

    await studio.openBuild();
    await expect(studio.layer('hidden')).toContainText(`${SCRIPT} hidden`);
    await expect(studio.layer('output')).toContainText(`${IMG} output`);
    await studio.openTrain();
    await expect(studio.report).toContainText(SCRIPT);
    await page.getByTestId('tab-runs').click();
    await expect(page.getByTestId('run-row')).toContainText(IMG);

    // A string where the schema wants one of a few words is refused, naming the field.
    const broken = projectFile('broken.layerwise', {
      name: 'Broken',
      settings: { ...base.settings, optimizer: SCRIPT as 'adam' },
    });
    await openProject(page, broken);
    await expect(notice(page)).toContainText('This project file is not valid: settings.optimizer:');
    await expect(notice(page)).toHaveAttribute('data-tone', 'error');
    await expect(page.getByTestId('project-menu-button')).toContainText(IMG);
    await studio.openBuild();
    expect(JSON.parse(await studio.spec())).toEqual(spec);

    // Nothing became an element, ran, or opened a dialog.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(
      await page.evaluate(() =>
        [...document.scripts].some((script) => script.textContent?.includes('alert')),
      ),
    ).toBe(false);
    expect(dialogs).toEqual([]);
    expect(studio.errors).toEqual([]);
  });
});
