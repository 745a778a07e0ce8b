// `npm run sweep`: every wirelint rule over a pinned corpus of popular network packages
// (scripts/lib/corpus.mjs), untyped and type-aware. Reports findings per rule and per 1,000
// lines, crashes (a rule that threw: must be 0) apart from parse errors, what types change,
// the precision of the hand triage in test/corpus/triage.json, and the fix round trip.
// Exits 1 on any crash, fix that does not parse, or fix offered again after it was applied.
// Options: --untyped-only, --package NAME (repeatable), --set NAME (repeatable: libraries,
// applications; default both), --json (print the report instead of tables).
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { cacheRoot, ensureCorpus } from './lib/corpus.mjs';
import { roundTrip } from './lib/round-trip.mjs';
import { ALL_RULES, lintCorpus } from './lib/sweep-lint.mjs';
import { precision, readTriage, triageKey } from './lib/triage.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const TRIAGE_FILE = path.join(root, 'test', 'corpus', 'triage.json');
const { values } = parseArgs({
  options: {
    'untyped-only': { type: 'boolean', default: false },
    package: { type: 'string', multiple: true, default: [] },
    set: { type: 'string', multiple: true, default: ['libraries', 'applications', 'ecosystem'] },
    json: { type: 'boolean', default: false },
  },
});
const log = (message) => console.error(message);

const fullCorpus = await ensureCorpus({ log, sets: values.set });
const packages = values.package.length === 0 ? fullCorpus.packages : fullCorpus.packages.filter((pkg) => values.package.includes(pkg.name));
if (packages.length === 0) throw new Error(`no corpus package named ${values.package.join(', ')}`);
const corpus = {
  ...fullCorpus,
  packages,
  files: packages.flatMap((pkg) => pkg.files),
  lines: packages.reduce((sum, pkg) => sum + pkg.lines, 0),
};
log(`corpus: ${corpus.packages.length} packages, ${corpus.files.length} files, ${corpus.lines} lines (${corpus.root})`);

const untyped = await lintCorpus({ corpus, typed: false, log });
const typed = values['untyped-only'] ? undefined : await lintCorpus({ corpus, typed: true, log });
log('fix round trip…');
const fixes = await roundTrip({ corpus, findings: { untyped: untyped.findings, typed: typed?.findings ?? [] } });

const kloc = corpus.lines / 1000;
const ruleNames = Object.keys(ALL_RULES).map((id) => id.slice('wirelint/'.length)).sort();
const untypedKeys = new Set(untyped.findings.map(triageKey));
const typedKeys = new Set((typed?.findings ?? []).map(triageKey));
const rules = ruleNames.map((rule) => {
  const of = (findings) => findings.filter((finding) => finding.rule === rule);
  const u = of(untyped.findings);
  const t = typed === undefined ? undefined : of(typed.findings);
  return {
    rule,
    untyped: u.length,
    untypedPerKloc: u.length / kloc,
    typed: t?.length ?? null,
    typedPerKloc: t === undefined ? null : t.length / kloc,
    onlyTyped: t?.filter((finding) => !untypedKeys.has(triageKey(finding))).length ?? null,
    onlyUntyped: t === undefined ? null : u.filter((finding) => !typedKeys.has(triageKey(finding))).length,
    crashes: [...untyped.crashes, ...(typed?.crashes ?? [])].filter((crash) => crash.rule === `wirelint/${rule}`).length,
  };
});
const allFindings = [...untyped.findings, ...(typed?.findings ?? []).filter((finding) => !untypedKeys.has(triageKey(finding)))];
const triage = precision(readTriage(TRIAGE_FILE), allFindings);
const crashes = [...untyped.crashes, ...(typed?.crashes ?? [])];

const report = {
  date: new Date().toISOString(),
  corpus: {
    root: corpus.root,
    files: corpus.files.length,
    lines: corpus.lines,
    packages: corpus.packages.map(({ name, version, set, files, lines }) => ({ name, version, set, files: files.length, lines })),
  },
  sets: setSummaries(),
  rules,
  totals: {
    untyped: untyped.findings.length,
    typed: typed?.findings.length ?? null,
    crashes: crashes.length,
    parseErrors: { untyped: untyped.parseErrors.length, typed: typed?.parseErrors.length ?? null },
    seconds: { untyped: untyped.seconds, typed: typed?.seconds ?? null },
  },
  types: typed?.types ?? null,
  crashes,
  parseErrors: { untyped: untyped.parseErrors, typed: typed?.parseErrors ?? [] },
  triage: { ...triage, resolved: triage.resolved.map(triageKey) },
  fixes,
  findings: allFindings.map(({ fix, suggestions, ...finding }) => ({ ...finding, fixable: fix !== undefined, suggestions: suggestions.length })),
};
mkdirSync(cacheRoot(), { recursive: true });
const reportFile = path.join(cacheRoot(), 'sweep-report.json');
writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);

if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  printReport(report);
  console.log(`\nfull report: ${reportFile}`);
}
const failed = crashes.length > 0 || fixes.parseFailures.length > 0 || fixes.reoffered.length > 0 || fixes.secondPassChanges.length > 0;
process.exitCode = failed ? 1 : 0;

/** Findings per corpus set (untyped, and typed-only ones added), so libraries and applications compare. */
function setSummaries() {
  const setOf = new Map(corpus.packages.map((pkg) => [pkg.name, pkg.set]));
  return [...new Set(corpus.packages.map((pkg) => pkg.set))].map((set) => {
    const lines = corpus.packages.filter((pkg) => pkg.set === set).reduce((sum, pkg) => sum + pkg.lines, 0);
    const findings = allFindings.filter((finding) => setOf.get(finding.package) === set).length;
    return { set, packages: corpus.packages.filter((pkg) => pkg.set === set).length, lines, findings, perKloc: findings / (lines / 1000) };
  });
}

function printReport(r) {
  const fixed = (value, digits = 2) => (value === null ? '-' : value.toFixed(digits));
  console.log(`\nwirelint sweep: ${r.corpus.packages.length} packages, ${r.corpus.files} files, ${r.corpus.lines.toLocaleString('en-US')} lines`);
  console.table(
    Object.fromEntries(
      r.rules.map((row) => [
        row.rule,
        {
          untyped: row.untyped,
          'untyped /kLOC': fixed(row.untypedPerKloc, 3),
          typed: row.typed ?? '-',
          'typed /kLOC': fixed(row.typedPerKloc, 3),
          'only typed': row.onlyTyped ?? '-',
          'only untyped': row.onlyUntyped ?? '-',
          crashes: row.crashes,
        },
      ]),
    ),
  );
  for (const set of r.sets) {
    console.log(`${set.set}: ${set.packages} packages, ${set.lines.toLocaleString('en-US')} lines, ${set.findings} findings (untyped or typed), ${set.perKloc.toFixed(3)} /kLOC`);
  }
  const seconds = r.totals.seconds;
  console.log(`findings: ${r.totals.untyped} untyped, ${r.totals.typed ?? '-'} typed; crashes: ${r.totals.crashes}; parse errors: ${r.totals.parseErrors.untyped} untyped, ${r.totals.parseErrors.typed ?? '-'} typed`);
  console.log(`time: ${fixed(seconds.untyped, 1)} s untyped, ${fixed(seconds.typed, 1)} s typed`);
  if (r.types !== null) {
    const share = (part, whole) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(0)} %`);
    console.log(
      `types: ${r.types.filesWithProgram}/${r.corpus.files} files in a program; callees with a known type: ${share(r.types.typedCalls, r.types.calls)} (JavaScript files: ${share(r.types.jsTypedCalls, r.types.jsCalls)})`,
    );
  }
  for (const crash of r.crashes) console.log(`CRASH ${crash.rule ?? '(no rule)'} in ${crash.package}/${crash.file}: ${crash.message}`);
  const { counts } = r.triage;
  console.log(
    `\ntriage (${path.relative(root, TRIAGE_FILE)}): ${counts.true} true, ${counts['false alarm']} false alarms, ${counts.debatable} debatable; precision ${r.triage.precision === null ? '-' : `${(100 * r.triage.precision).toFixed(1)} %`} (true / (true + false alarms))`,
  );
  if (r.triage.untriaged.length > 0) console.log(`not yet triaged (${r.triage.untriaged.length}):\n  ${r.triage.untriaged.join('\n  ')}`);
  if (r.triage.resolved.length > 0) console.log(`triaged but no longer reported (${r.triage.resolved.length}):\n  ${r.triage.resolved.join('\n  ')}`);
  const f = r.fixes;
  console.log(
    `\nfix round trip: ${f.autofixes} autofixes and ${f.suggestions} suggestions applied one at a time; ${f.parseFailures.length} do not parse; ${f.reoffered.length} offered again; ${f.files} files fixed with --fix, ${f.secondPassChanges.length} changed by a second pass`,
  );
  for (const failure of [...f.parseFailures, ...f.reoffered, ...f.secondPassChanges]) console.log(`  FAIL ${failure}`);
}
