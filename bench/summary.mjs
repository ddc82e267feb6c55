/**
 * Prints a bench report as the Markdown tables docs/performance.md quotes, with a bar per
 * contender so the gap is visible at a glance:
 *
 *   node bench/summary.mjs bench/results/latest.json
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const round = (value, digits = 0) => (value === null ? '—' : value.toFixed(digits));
const bar = (value, max, width = 24) =>
  value === null || max <= 0 ? '' : '█'.repeat(Math.max(1, Math.round((value / max) * width)));

/** The report as Markdown: throughput with bars, ratios, first step, responsiveness, targets. */
export function summarise(report) {
  const lines = [];
  lines.push('| backend | network | contender | examples/s | | GFLOP/s |');
  lines.push('| --- | --- | --- | ---: | --- | ---: |');
  for (const row of report.throughput) {
    const max = Math.max(...Object.values(row.examplesPerSec).filter((v) => v !== null), 0);
    for (const [key, label] of [
      ['studio', 'A studio'],
      ['studioLoop', 'A0 studio loop alone'],
      ['reference', 'B reference loop'],
      ['fit', 'C model.fit'],
    ]) {
      const rate = row.examplesPerSec[key];
      const flops = row.achievedFlopsPerSec[key];
      lines.push(
        `| ${row.backend} | ${row.network} | ${label} | ${round(rate)} | ${bar(rate, max)} | ${round(flops === null ? null : flops / 1e9, 2)} |`,
      );
    }
  }
  lines.push('');
  lines.push('| backend | network | A/C | A/B | A/A0 | A epoch 1 | A epoch 2 | readout |');
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of report.throughput) {
    const byEpoch = row.studioByEpoch ?? { first: null, second: null };
    lines.push(
      `| ${row.backend} | ${row.network} | ${round(row.ratios.studioOverFit, 2)} | ${round(row.ratios.studioOverReference, 2)} | ${round(row.ratios.studioOverStudioLoop ?? null, 2)} | ${round(byEpoch.first)} | ${round(byEpoch.second)} | ${round(row.studioReadoutExamplesPerSec)} |`,
    );
  }
  lines.push('');
  lines.push('| backend | network | insights the studio asked per run, by kind |');
  lines.push('| --- | --- | --- |');
  for (const row of report.throughput) {
    const asked = Object.entries(row.studioInsightsAsked ?? {});
    lines.push(
      `| ${row.backend} | ${row.network} | ${asked.map(([kind, n]) => `${kind} ${n}`).join(', ') || '—'} |`,
    );
  }
  lines.push('');
  lines.push('| backend | first step, B (ms) | first step, C (ms) | first 10 steps, A (ms) |');
  lines.push('| --- | ---: | ---: | ---: |');
  for (const row of report.firstStep) {
    lines.push(
      `| ${row.backend} | ${round(row.referenceMs)} | ${round(row.fitMs)} | ${round(row.studioFirstWindowMs)} |`,
    );
  }
  lines.push('');
  lines.push('| backend | network | longest task (ms) | worst run (ms) | tasks > 50 ms | fps |');
  lines.push('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const row of report.responsiveness) {
    lines.push(
      `| ${row.backend} | ${row.network} | ${round(row.longestTaskMs)} | ${round(row.worstLongestTaskMs)} | ${round(row.tasksOver50ms)} | ${round(row.framesPerSecond, 1)} |`,
    );
  }
  lines.push('');
  if (report.kernels?.length) {
    lines.push(
      "| backend | studio's kernel | convolution | tfjs (ms) | studio (ms) | speedup | agrees |",
    );
    lines.push('| --- | --- | --- | ---: | ---: | ---: | --- |');
    for (const k of report.kernels) {
      lines.push(
        `| ${k.backend} | ${k.kernel} | ${k.shape} | ${round(k.tfjsMs, 1)} | ${round(k.studioMs, 1)} | ${round(k.speedup, 2)} | ${k.agrees ? 'yes' : '**no**'} |`,
      );
    }
    lines.push('');
  }
  lines.push('| target | wanted | measured | holds |');
  lines.push('| --- | --- | ---: | --- |');
  for (const t of report.targets) {
    const holds = t.holds === null ? 'not measured' : t.holds ? 'yes' : '**no**';
    lines.push(`| ${t.description} | ${t.target} | ${round(t.value, 2)} | ${holds} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('Usage: node bench/summary.mjs <report.json>\n');
    process.exit(1);
  }
  process.stdout.write(`${summarise(JSON.parse(readFileSync(file, 'utf8')))}\n`);
}
