import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { machineMarkdown, markdownTable } from './report.mjs';

const HEADER = `# Benchmark results

Written by \`npm run bench\` (bench/run.mjs); do not edit by hand. Each workload's first row is the
Touchstone run, the others its anchors on the same data in the same run: the physical limit (DuckDB
doing the bare load or scan) and the peer a user would otherwise pick (a Python script). Ratios are
Touchstone's figure divided by the row's. Wall time is one run per row unless a workload says otherwise.`;

const section = (name, body) => `<!-- workload:${name} -->\n${body}\n<!-- /workload:${name} -->`;
const SECTION_RE = /<!-- workload:([\w-]+) -->\n[\s\S]*?\n<!-- \/workload:\1 -->/g;

export function workloadMarkdown(entry, machine) {
  const title = `## ${entry.name}`;
  if (entry.error !== undefined) return `${title}\n\nFAILED on ${machine.date}: ${entry.error.split('\n')[0]}`;
  const notes = (entry.result.notes ?? []).map((n) => `- ${n}`).join('\n');
  return `${title}\n\nMeasured ${machine.date} at commit ${machine.commit} (${entry.seconds.toFixed(0)} s for the whole workload).\n\n${markdownTable(entry.result)}${notes ? `\n\n${notes}` : ''}`;
}

/**
 * Writes the results file. Sections of workloads not run this time are kept from the previous file
 * (a `--only` run updates its own figures and leaves the others), each with its own date.
 */
export function writeResults(path, machine, entries) {
  const kept = new Map();
  if (existsSync(path)) for (const m of readFileSync(path, 'utf8').matchAll(SECTION_RE)) kept.set(m[1], m[0]);
  for (const e of entries) kept.set(e.file, section(e.file, workloadMarkdown(e, machine)));
  const body = [...kept.keys()].sort((a, b) => (a === 'ingest' ? -1 : b === 'ingest' ? 1 : a.localeCompare(b))).map((k) => kept.get(k));
  writeFileSync(path, `${HEADER}\n\n## Machine (latest run)\n\n${machineMarkdown(machine)}\n\n${body.join('\n\n')}\n`);
}
