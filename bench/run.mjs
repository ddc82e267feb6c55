/**
 * `npm run bench`: builds the studio and the bench page, serves them, drives Debian's
 * Chromium with the software-GPU flags, and prints one JSON report (also written to
 * bench/results/latest.json). See bench/README.md for what is measured and how.
 *
 *   node bench/run.mjs [--reps 3] [--backends webgl,webgpu,cpu] [--networks starter,smallResnet]
 *                      [--batch-size 64] [--steps N] [--memory-epochs 10] [--smoke] [--no-build]
 *                      [--soak-epochs 60] [--soak-cycles 60]
 *                      [--gpu swiftshader|hardware] [--out file.json]
 *   node bench/run.mjs --only soak [--heap-snapshots] [--backends webgl] [--batch-size 32]
 *                      [--soak-epochs 60] [--soak-cycles 60] [--no-build] [--out file.json]
 *   node bench/run.mjs --only ingest-scale [--images 20000] [--size 256] [--classes 10]
 *                      [--dir folder] [--keep] [--no-cancel] [--no-build] [--out file.json]
 *
 * --smoke: one repetition of a few steps on WebGL with the starter network; exits non-zero
 * unless the report is complete and well-formed. Its soak is short (2 epochs, 2 start/stop
 * cycles): enough to check the soak's path and report, not to judge memory. Run it under `flock /tmp/playwright.lock`
 * on a shared machine.
 *
 * --only soak: only the soak, on the first backend, written to bench/results/soak-latest.json.
 * --heap-snapshots: the soak also compares heap snapshots of the page and of the engine worker
 * taken after epoch (cycle) 2 and after the last: what each gained, by constructor.
 *
 * --only ingest-scale: only the drop of a large image folder (bench/ingest-scale.mjs), written
 * to bench/results/ingest-scale-latest.json. It takes minutes, so it is never part of --smoke.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { QUIET as CHROMIUM_QUIET, WEBGL, WEBGPU } from '../scripts/chromium-flags.mjs';
import { findChromium } from '../scripts/find-chromium.mjs';
import { alternation, median } from './stats.mjs';
import {
  TRAINING_FLOPS_PER_FORWARD,
  evaluateTargets,
  kernelDisagreements,
  kernelReport,
  memoryReport,
  soakReport,
  responsivenessRow,
  summariseIngest,
  summariseStudioRun,
  summariseWorkerRun,
  throughputRow,
} from './report.mjs';
import { checkReport } from './report-schema.mjs';
import { scriptSizes } from './script-sizes.mjs';
import { serveStatic } from './serve.mjs';
import { runStudio } from './studio-run.mjs';
import { runSoak } from './soak.mjs';
import { measureIngest } from './ingest.mjs';
import { ingestScaleReport, scaleOptions } from './ingest-scale.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Built outside dist/ so the bench never clobbers (or is clobbered by) another build.
const BUILD = join(ROOT, 'node_modules', '.cache', 'layerwise-bench', 'app');

// The end-to-end tests' flags (scripts/chromium-flags.mjs), with a software GPU for both
// WebGL and WebGPU so that `?backend=` picks; precise memory info makes performance.memory exact.
const QUIET = [...CHROMIUM_QUIET, '--enable-precise-memory-info'];
const GPU_FLAGS = {
  swiftshader: [...WEBGL, ...WEBGPU],
  // A real GPU, headless on Linux (checked on an NVIDIA H100, Chromium 156). Without
  // --use-angle=vulkan, WebGL stays on SwiftShader; without --disable-vulkan-surface (no
  // display to present to), WebGPU gets only SwiftShader's fallback adapter.
  // --ignore-gpu-blocklist was in the set that worked; whether it is needed was not checked.
  hardware: [
    '--enable-unsafe-webgpu',
    '--use-angle=vulkan',
    '--enable-features=Vulkan',
    '--disable-vulkan-surface',
    '--ignore-gpu-blocklist',
  ],
};

/**
 * Training steps per contender run, per backend and network: enough windows of 10 for a
 * steady rate, few enough that a full run fits in about half an hour on 2 cores.
 */
const FULL_STEPS = {
  webgl: { starter: 60, smallResnet: 30 },
  webgpu: { starter: 40, smallResnet: 20 },
  cpu: { starter: 30, smallResnet: 20 },
};
const SMOKE_STEPS = 20;
const SMOKE_BATCH_SIZE = 16;
/** Steps in each epoch of the memory measurement (`--memory-epochs` epochs, 10 by default). */
const MEMORY_STEPS_PER_EPOCH = 10;
/** Steps in each epoch of the soak: 10 batches, a few hundred examples, so 60 epochs stay short. */
const SOAK_STEPS_PER_EPOCH = 10;
/** The soak's epochs and start/stop cycles (`--soak-epochs`, `--soak-cycles`); smoke: 2 and 2. */
// Long enough for the engine worker's heap to warm up: over 30 epochs or 10 cycles it was still
// growing, judged over the second half; over 60 of each it is flat (docs/performance.md).
const SOAK = { epochs: 60, cycles: 60 };
const SMOKE_SOAK = { epochs: 2, cycles: 2 };
/** Dataset ingest: 2,000 JPEGs of 512×512 through the folder path (smoke: 50 of 128×128). */
const INGEST = { images: 2000, size: 512 };
const SMOKE_INGEST = { images: 50, size: 128 };

const CONTENDERS = ['studio', 'studioLoop', 'reference', 'fit'];

function options() {
  const { values } = parseArgs({
    options: {
      reps: { type: 'string', default: '3' },
      backends: { type: 'string' },
      networks: { type: 'string' },
      'batch-size': { type: 'string' },
      steps: { type: 'string' },
      'memory-epochs': { type: 'string' },
      'soak-epochs': { type: 'string' },
      'soak-cycles': { type: 'string' },
      smoke: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      out: { type: 'string' },
      gpu: { type: 'string', default: 'swiftshader' },
      only: { type: 'string' },
      images: { type: 'string' },
      size: { type: 'string' },
      classes: { type: 'string' },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'no-cancel': { type: 'boolean', default: false },
      'heap-snapshots': { type: 'boolean', default: false },
    },
  });
  if (values.only !== undefined && !['ingest-scale', 'soak'].includes(values.only)) {
    throw new Error(`Unknown --only "${values.only}": use ingest-scale or soak.`);
  }
  if (values.only === 'ingest-scale' && values.smoke) {
    throw new Error('--only ingest-scale is not a smoke run.');
  }
  const smoke = values.smoke;
  const list = (text, fallback) => (text ? text.split(',').map((s) => s.trim()) : fallback);
  const backends = list(values.backends, smoke ? ['webgl'] : ['webgl', 'webgpu', 'cpu']);
  const networks = list(values.networks, smoke ? ['starter'] : ['starter', 'smallResnet']);
  for (const b of backends) {
    if (!(b in FULL_STEPS)) throw new Error(`Unknown backend "${b}": use webgl, webgpu or cpu.`);
  }
  for (const n of networks) {
    if (!(n in FULL_STEPS.webgl))
      throw new Error(`Unknown network "${n}": use starter or smallResnet.`);
  }
  const reps = smoke ? 1 : Number(values.reps);
  // The studio's default batch size; the smoke run uses small batches to finish quickly.
  const batchSize = Number(values['batch-size'] ?? (smoke ? SMOKE_BATCH_SIZE : 64));
  const steps = values.steps === undefined ? null : Number(values.steps);
  if (steps !== null && (!Number.isInteger(steps) || steps < 20 || steps % 10 !== 0)) {
    throw new Error('--steps must be a multiple of 10, at least 20.');
  }
  if (!Number.isInteger(reps) || reps < 1)
    throw new Error('--reps must be a whole number above 0.');
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error('--batch-size must be a whole number above 0.');
  const memoryEpochs = Number(values['memory-epochs'] ?? (smoke ? 2 : 10));
  if (!Number.isInteger(memoryEpochs) || memoryEpochs < 2) {
    throw new Error('--memory-epochs must be a whole number, 2 or more.');
  }
  const soakDefaults = smoke ? SMOKE_SOAK : SOAK;
  const soak = {
    epochs: Number(values['soak-epochs'] ?? soakDefaults.epochs),
    cycles: Number(values['soak-cycles'] ?? soakDefaults.cycles),
  };
  if (![soak.epochs, soak.cycles].every((n) => Number.isInteger(n) && n >= 2)) {
    throw new Error('--soak-epochs and --soak-cycles must be whole numbers, 2 or more.');
  }
  if (!(values.gpu in GPU_FLAGS)) throw new Error('--gpu must be swiftshader or hardware.');
  return {
    smoke,
    gpu: values.gpu,
    memoryEpochs,
    soak,
    backends,
    networks,
    reps,
    batchSize,
    steps,
    build: !values['no-build'],
    out: values.out,
    only: values.only ?? null,
    heapSnapshots: values['heap-snapshots'],
    scale: scaleOptions(values),
  };
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0)
    throw new Error(`\`${command} ${args.join(' ')}\` failed (exit ${result.status}).`);
}

function build() {
  if (!existsSync(join(ROOT, 'public', 'samples', 'mnist-digits.bin.gz'))) {
    run('node', ['scripts/build-samples.mjs']);
  }
  run('npx', ['vite', 'build', '--outDir', BUILD, '--emptyOutDir', '--logLevel', 'warn']);
  const benchOut = join(BUILD, 'bench');
  run('npx', [
    'vite',
    'build',
    '--config',
    'bench/vite.config.ts',
    '--outDir',
    benchOut,
    '--logLevel',
    'warn',
  ]);
}

const started = Date.now();
const log = (message) => {
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stderr.write(`[bench ${seconds}s] ${message}\n`);
};

/** Steps of one contender run on `backend` for `network`. */
function stepsFor(settings, backend, network) {
  return settings.steps ?? (settings.smoke ? SMOKE_STEPS : FULL_STEPS[backend][network]);
}

/** The studio trains two epochs (so live insights refresh mid-run), each ≥ 2 windows. */
function studioJob(settings, backend, network) {
  const half = Math.max(20, Math.round(stepsFor(settings, backend, network) / 20) * 10);
  return { backend, network, batchSize: settings.batchSize, epochs: 2, stepsPerEpoch: half };
}

async function benchPage(browser, baseUrl) {
  const page = await browser.newPage();
  page.on('pageerror', (error) => log(`bench page error: ${error.message}`));
  await page.goto(`${baseUrl}bench/`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return page;
}

async function machine(browser, page) {
  const webglRenderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return info
      ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL))
      : String(gl.getParameter(gl.RENDERER));
  });
  // The adapter a page gets: on a hardware run it must be the GPU, not SwiftShader's fallback.
  const webgpuAdapter = await page.evaluate(async () => {
    const adapter = await navigator.gpu?.requestAdapter().catch(() => null);
    if (!adapter) return null;
    const { vendor, architecture, device, description, isFallbackAdapter } = adapter.info;
    const name = [vendor, architecture, device, description].filter(Boolean).join(' ');
    return isFallbackAdapter ? `${name} (fallback)` : name;
  });
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
    chromium: browser.version(),
    webglRenderer,
    webgpuAdapter,
  };
}

/**
 * The soak on `backend` with the starter network: many short epochs in one run, then runs
 * started and stopped again and again. Failures go to `errors`; the section is always there.
 */
async function measureSoak(browser, server, settings, backend, errors) {
  const soakJob = {
    backend,
    network: 'starter',
    batchSize: settings.batchSize,
    epochs: settings.soak.epochs,
    stepsPerEpoch: SOAK_STEPS_PER_EPOCH,
  };
  log(
    `${backend} starter: soak over ${settings.soak.epochs} epochs and ${settings.soak.cycles} start/stop cycles`,
  );
  let soakRaw = null;
  try {
    soakRaw = await runSoak(browser, server.url, soakJob, settings.soak.cycles, {
      snapshots: settings.heapSnapshots,
    });
    for (const message of soakRaw.errors) {
      errors.push({ backend, network: 'starter', contender: 'soak', message });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    log(`  failed: ${message}`);
    errors.push({ backend, network: 'starter', contender: 'soak', message });
  }
  return soakReport(soakJob, settings.soak.cycles, soakRaw);
}

/**
 * Builds the studio (unless told not to), serves it and launches Chromium with the chosen GPU
 * flags; runs `use` with both, and closes them whatever happens.
 */
async function withBrowser(settings, use) {
  if (settings.build) build();
  const server = await serveStatic(BUILD);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...QUIET, ...GPU_FLAGS[settings.gpu]],
  });
  try {
    return await use(browser, server);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Prints `report` and writes it to bench/results/`name` and to `--out` when given. */
function writeReport(report, name, settings) {
  const json = JSON.stringify(report, null, 2);
  process.stdout.write(`${json}\n`);
  const results = join(ROOT, 'bench', 'results');
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, name), `${json}\n`);
  if (settings.out) writeFileSync(settings.out, `${json}\n`);
}

/** Every contender, memory, soak, start-up and ingest, in one report. */
async function measureAll(settings, browser, server) {
  const errors = [];
  const page = await benchPage(browser, server.url);
  const order = alternation(CONTENDERS, settings.reps);
  const networks = [];
  for (const network of settings.networks) {
    const cost = await page.evaluate((n) => window.layerwiseBench.cost(n), network);
    networks.push({ network, cost });
  }
  const flopsOf = (network) =>
    networks.find((n) => n.network === network).cost.forwardFlops * TRAINING_FLOPS_PER_FORWARD;

  const throughput = [];
  const responsiveness = [];
  const firstStep = [];
  const startupRuns = [];
  for (const backend of settings.backends) {
    const firstSteps = { reference: [], fit: [], studio: [], studioLoop: [] };
    for (const network of settings.networks) {
      const steps = stepsFor(settings, backend, network);
      const runs = { studio: [], studioLoop: [], reference: [], fit: [] };
      for (const { rep, contender } of order) {
        log(`${backend} ${network} rep ${rep + 1}/${settings.reps}: ${contender}`);
        try {
          if (contender === 'studio') {
            const raw = await runStudio(browser, server.url, studioJob(settings, backend, network));
            const summary = summariseStudioRun(raw, settings.batchSize);
            runs.studio.push(summary);
            firstSteps.studio.push(summary.firstWindowMs);
            startupRuns.push({ backend, network, raw });
            for (const message of raw.errors) errors.push({ backend, network, contender, message });
          } else {
            const kind = { reference: 'loop', fit: 'fit', studioLoop: 'studioLoop' }[contender];
            const job = {
              kind,
              backend,
              network,
              batchSize: settings.batchSize,
              steps,
              epochs: 1,
            };
            const raw = await page.evaluate((j) => window.layerwiseBench.run(j), job);
            const summary = summariseWorkerRun(raw, settings.batchSize);
            runs[contender].push(summary);
            firstSteps[contender].push(summary.firstStepMs);
          }
        } catch (error) {
          const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
          log(`  failed: ${message}`);
          errors.push({ backend, network, contender, message });
        }
      }
      throughput.push({ ...throughputRow(backend, network, runs, flopsOf(network)), steps });
      responsiveness.push(responsivenessRow(backend, network, runs.studio));
    }
    firstStep.push({
      backend,
      referenceMs: median(firstSteps.reference),
      fitMs: median(firstSteps.fit),
      studioFirstWindowMs: median(firstSteps.studio.filter((v) => v !== null)),
    });
  }

  // The studio's own WebGL and WebGPU convolution kernels against tfjs's: agreement and time.
  log("webgl, webgpu: the studio's convolution kernels against tfjs's");
  let kernels = [];
  try {
    const checks = await page.evaluate((s) => window.layerwiseBench.kernels(s), settings.smoke);
    kernels = kernelReport(checks);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    log(`  failed: ${message}`);
    errors.push({ backend: 'webgl,webgpu', network: 'none', contender: 'kernels', message });
  }

  // Memory: one studio run of several short epochs, and the reference loop for as long.
  const memoryBackend = settings.backends[0];
  const epochs = settings.memoryEpochs;
  log(`${memoryBackend} starter: memory over ${epochs} epochs`);
  let studioEpochs = [];
  let referenceEpochs = [];
  // The smoke run's studio run already trained two epochs: its memory is enough there.
  const reused = settings.smoke
    ? startupRuns.find((r) => r.backend === memoryBackend && r.network === 'starter')
    : undefined;
  try {
    const raw =
      reused?.raw ??
      (await runStudio(browser, server.url, {
        backend: memoryBackend,
        network: 'starter',
        batchSize: settings.batchSize,
        epochs,
        stepsPerEpoch: MEMORY_STEPS_PER_EPOCH,
      }));
    studioEpochs = raw.epochEnds;
    if (!reused) startupRuns.push({ backend: memoryBackend, network: 'starter', raw });
    const job = {
      kind: 'memory',
      backend: memoryBackend,
      network: 'starter',
      batchSize: settings.batchSize,
      steps: MEMORY_STEPS_PER_EPOCH,
      epochs,
    };
    referenceEpochs = (await page.evaluate((j) => window.layerwiseBench.run(j), job)).memory;
  } catch (error) {
    errors.push({
      backend: memoryBackend,
      network: 'starter',
      contender: 'memory',
      message: String(error),
    });
  }
  const memory = memoryReport(memoryBackend, 'starter', studioEpochs, referenceEpochs);

  // Soak: many short epochs in one run, then runs started and stopped again and again.
  const soak = await measureSoak(browser, server, settings, memoryBackend, errors);

  // Start-up: the median over every studio page opened on the first backend.
  const opened = startupRuns.filter((r) => r.backend === settings.backends[0]);
  const sizes = opened.length
    ? scriptSizes(opened[0].raw.scripts, server.url, BUILD)
    : { pageJsGzipBytes: null, workerJsGzipBytes: null, scripts: [] };
  const startup = {
    backend: settings.backends[0],
    interactiveMs: median(opened.map((r) => r.raw.interactiveMs)),
    ...sizes,
  };

  // Dataset ingest: generated JPEGs in a temporary folder, dropped on a fresh studio page.
  const scale = settings.smoke ? SMOKE_INGEST : INGEST;
  log(`ingest: ${scale.images} JPEGs of ${scale.size}×${scale.size} dropped as a folder`);
  let ingestRaw = null;
  try {
    const { raw, generated } = await measureIngest(browser, server.url, scale);
    log(
      `  generated in ${Math.round(generated.ms / 1000)} s, loaded in ${Math.round(raw.summaryAt)} ms`,
    );
    ingestRaw = raw;
    for (const message of raw.errors) {
      errors.push({ backend: 'any', network: 'none', contender: 'ingest', message });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    log(`  failed: ${message}`);
    errors.push({ backend: 'any', network: 'none', contender: 'ingest', message });
  }
  const ingest = summariseIngest(ingestRaw, { ...scale, format: 'jpeg' });

  const report = {
    schema: 'layerwise-bench/1',
    mode: settings.smoke ? 'smoke' : 'full',
    date: new Date().toISOString(),
    command: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    machine: await machine(browser, page),
    settings: {
      reps: settings.reps,
      gpu: settings.gpu,
      batchSize: settings.batchSize,
      backends: settings.backends,
      networks: settings.networks,
      order: order.map(({ contender }) => contender),
    },
    networks: networks.map(({ network, cost }) => ({
      network,
      params: cost.params,
      forwardFlops: cost.forwardFlops,
      trainingFlopsPerExample: cost.forwardFlops * TRAINING_FLOPS_PER_FORWARD,
    })),
    throughput,
    firstStep,
    responsiveness,
    kernels,
    memory,
    soak,
    startup,
    ingest,
    targets: [],
    errors,
  };
  report.targets = evaluateTargets(report);
  return report;
}

/** `--only ingest-scale`: the large folder drop alone, with its own report. */
async function mainIngestScale(settings) {
  await withBrowser(settings, async (browser, server) => {
    const { images, size } = settings.scale;
    log(`ingest-scale: ${images} JPEGs of ${size}×${size} dropped on the drop zone`);
    const command = `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim();
    const report = await ingestScaleReport(browser, server.url, settings.scale, command);
    writeReport(report, 'ingest-scale-latest.json', settings);
    if (report.loaded.outcome !== 'loaded' || report.errors.length > 0) {
      log(`The drop did not load cleanly: ${report.loaded.message} ${report.errors.join('; ')}`);
      process.exitCode = 1;
    }
  });
}

/** `--only soak`: the soak alone, on the first backend, with its own report. */
async function mainSoak(settings) {
  await withBrowser(settings, async (browser, server) => {
    const errors = [];
    const soak = await measureSoak(browser, server, settings, settings.backends[0], errors);
    const cores = cpus();
    const report = {
      schema: 'layerwise-bench-soak/1',
      date: new Date().toISOString(),
      command: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
      machine: {
        cpus: cores.length,
        cpuModel: cores[0]?.model ?? 'unknown',
        chromium: browser.version(),
        gpu: settings.gpu,
      },
      soak,
      errors,
    };
    writeReport(report, 'soak-latest.json', settings);
    if (errors.length > 0) process.exitCode = 1;
  });
}

/** The full (or smoke) run: every contender, memory, start-up and ingest, checked. */
async function benchAll(settings) {
  const report = await withBrowser(settings, (browser, server) =>
    measureAll(settings, browser, server),
  );
  writeReport(report, 'latest.json', settings);
  const problems = [
    ...checkReport(report, { strict: settings.smoke }),
    ...kernelDisagreements(report.kernels),
  ];
  if (settings.smoke && report.errors.length > 0) {
    problems.push(
      ...report.errors.map((e) => `${e.backend} ${e.network} ${e.contender}: ${e.message}`),
    );
  }
  if (problems.length > 0) {
    log(`The report is incomplete or malformed:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
}

try {
  const settings = options();
  if (settings.only === 'ingest-scale') await mainIngestScale(settings);
  else if (settings.only === 'soak') await mainSoak(settings);
  else await benchAll(settings);
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
