// The hand triage of sweep findings (`test/corpus/triage.json`): one verdict per finding, keyed
// by package, version, file, line and rule so that a verdict survives unrelated rule changes.
import { existsSync, readFileSync } from 'node:fs';

export const VERDICTS = Object.freeze(['true', 'false alarm', 'debatable']);

/** @typedef {{ package: string, version: string, file: string, line: number, rule: string, verdict: string, why: string }} Verdict */

/** @param {{ package: string, version: string, file: string, line: number, rule: string }} finding */
export function triageKey(finding) {
  return `${finding.package}@${finding.version}:${finding.file}:${finding.line}:${finding.rule}`;
}

/** @returns {Verdict[]} */
export function readTriage(file) {
  if (!existsSync(file)) return [];
  const entries = JSON.parse(readFileSync(file, 'utf8'));
  for (const entry of entries) {
    if (!VERDICTS.includes(entry.verdict)) throw new Error(`${file}: ${triageKey(entry)} has verdict "${entry.verdict}"; expected one of ${VERDICTS.join(', ')}`);
  }
  return entries;
}

/**
 * Precision over the current findings that have a verdict: true / (true + false alarms);
 * debatable ones are counted apart. Verdicts whose finding no longer appears (fixed rules,
 * for instance) are listed as `resolved`, findings without a verdict as `untriaged`.
 * @param {Verdict[]} verdicts
 * @param {{ package: string, version: string, file: string, line: number, rule: string }[]} findings
 */
export function precision(verdicts, findings) {
  const byKey = new Map(verdicts.map((verdict) => [triageKey(verdict), verdict]));
  const current = new Set(findings.map(triageKey));
  const counts = { true: 0, 'false alarm': 0, debatable: 0 };
  const untriaged = [];
  for (const key of current) {
    const verdict = byKey.get(key);
    if (verdict === undefined) untriaged.push(key);
    else counts[verdict.verdict] += 1;
  }
  const resolved = verdicts.filter((verdict) => !current.has(triageKey(verdict)));
  const judged = counts.true + counts['false alarm'];
  return { counts, precision: judged === 0 ? null : counts.true / judged, untriaged, resolved };
}
