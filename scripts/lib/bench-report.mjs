// Numbers and text for `npm run bench`: medians, the targets from DESIGN.md, the tables, the
// machine, and oxlint's JSON output read into the same finding lines the ESLint runs give.
import * as os from 'node:os';

export function median(numbers) {
  if (numbers.length === 0) return Number.NaN;
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    // Other work on the machine: the wall-time figures are only as good as this is low.
    loadAverage: os.loadavg()[0],
  };
}

/**
 * DESIGN.md "Targets" and issue 9/11. Typed: issue 9 asks for +15 %, DESIGN.md allows +25 %;
 * the bench holds the stricter one.
 */
export const TARGETS = {
  untypedRatio: 1.1,
  typedRatio: 1.15,
  oxlintToEslintParse: 0.3,
  ruleShare: 0.03,
  typedRssRatio: 1.1,
};

/**
 * Findings of an oxlint `--format json` report as `file:line:column rule message` lines,
 * files relative to the tree, exactly like the ESLint runs' lines.
 */
export function oxlintFindings(stdout, treeRoot) {
  const report = JSON.parse(stdout);
  const lines = [];
  for (const diagnostic of report.diagnostics) {
    const rule = /^([^()]+)\(([^()]+)\)$/.exec(diagnostic.code ?? '');
    const span = diagnostic.labels?.[0]?.span;
    if (rule === null || span === undefined) throw new Error(`oxlint reported something that is not a rule finding: ${JSON.stringify(diagnostic)}`);
    const file = diagnostic.filename.startsWith(treeRoot) ? diagnostic.filename.slice(treeRoot.length + 1) : diagnostic.filename;
    lines.push(`${file}:${span.line}:${span.column} ${rule[1]}/${rule[2]} ${diagnostic.message}`);
  }
  return lines.sort();
}

/** A markdown table; `align` has 'l' or 'r' per column. */
export function markdownTable(header, rows, align) {
  const out = [`| ${header.join(' | ')} |`, `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`];
  for (const row of rows) out.push(`| ${row.join(' | ')} |`);
  return out.join('\n');
}

export const formatMs = (ms) => (Number.isFinite(ms) ? `${Math.round(ms).toLocaleString('en')}` : '–');
export const formatRatio = (ratio) => (Number.isFinite(ratio) ? `${ratio.toFixed(3)}x` : '–');
export const formatMb = (kb) => (Number.isFinite(kb) ? `${Math.round(kb / 1024).toLocaleString('en')}` : '–');
export const formatPercent = (share) => (Number.isFinite(share) ? `${(share * 100).toFixed(2)} %` : '–');
export const verdict = (value, limit) => (Number.isFinite(value) ? (value <= limit ? 'pass' : '**FAIL**') : '–');
