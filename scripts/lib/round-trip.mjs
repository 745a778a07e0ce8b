// The fix round trip: every autofix and every suggestion of every finding, applied one at a time
// to the real source, must leave code that parses, and must not be offered again for the same
// problem when the fixed text is linted anew. Autofixes are also applied file-wide, as `--fix`
// does, and a second pass must find nothing left to fix.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { ESLint } from 'eslint';

import { sweepConfig } from './sweep-lint.mjs';

function lineStarts(text) {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function offsetOf(starts, line, column) {
  return starts[line - 1] + column - 1;
}

/** Where an offset of the original text lands once `range` is replaced by `text`. */
function mapOffset(offset, [start, end], text) {
  if (offset >= end) return offset + text.length - (end - start);
  return offset > start ? start : offset;
}

/**
 * @param {{ corpus: { root: string, packages: { name: string, dir: string }[] }, findings: { typed: import('./sweep-lint.mjs').Finding[], untyped: import('./sweep-lint.mjs').Finding[] } }} options
 */
export async function roundTrip({ corpus, findings }) {
  const engines = {
    untyped: new ESLint({ cwd: corpus.root, overrideConfigFile: true, overrideConfig: sweepConfig({ corpus, typed: false }) }),
    typed: new ESLint({ cwd: corpus.root, overrideConfigFile: true, overrideConfig: sweepConfig({ corpus, typed: true }) }),
  };
  const dirs = new Map(corpus.packages.map((pkg) => [pkg.name, pkg.dir]));
  const result = { autofixes: 0, suggestions: 0, parseFailures: [], reoffered: [], files: 0, secondPassChanges: [] };
  const seen = new Set();
  for (const mode of /** @type {const} */ (['untyped', 'typed'])) {
    const eslint = engines[mode];
    const lint = async (text, filePath) => (await eslint.lintText(text, { filePath }))[0].messages;
    const autofixedFiles = new Set();
    for (const finding of findings[mode]) {
      const edits = [
        ...(finding.fix === undefined ? [] : [{ kind: 'autofix', desc: undefined, fix: finding.fix }]),
        ...finding.suggestions.map(({ desc, fix }) => ({ kind: 'suggestion', desc, fix })),
      ];
      const filePath = path.join(dirs.get(finding.package), finding.file);
      // A typed finding also found untyped has the same fixes: check it once.
      const identity = `${filePath}:${finding.line}:${finding.column}:${finding.rule}:${JSON.stringify(edits)}`;
      if (edits.length === 0 || seen.has(identity)) continue;
      seen.add(identity);
      if (finding.fix !== undefined) autofixedFiles.add(filePath);
      const source = readFileSync(filePath, 'utf8');
      const start = offsetOf(lineStarts(source), finding.line, finding.column);
      for (const edit of edits) {
        result[edit.kind === 'autofix' ? 'autofixes' : 'suggestions'] += 1;
        const { range, text } = edit.fix;
        const fixed = source.slice(0, range[0]) + text + source.slice(range[1]);
        const where = `${finding.package}/${finding.file}:${finding.line} ${finding.rule} (${mode}, ${edit.desc ?? 'autofix'})`;
        const messages = await lint(fixed, filePath);
        const fatal = messages.find((message) => message.fatal === true);
        if (fatal !== undefined) {
          result.parseFailures.push(`${where}: ${fatal.message}`);
          continue;
        }
        const spot = mapOffset(start, range, text);
        const starts = lineStarts(fixed);
        const again = messages.some(
          (message) =>
            message.ruleId === `wirelint/${finding.rule}` &&
            offsetOf(starts, message.line, message.column) === spot &&
            (edit.kind === 'autofix' ? message.fix !== undefined : (message.suggestions ?? []).some((suggestion) => suggestion.desc === edit.desc)),
        );
        if (again) result.reoffered.push(where);
      }
    }
    for (const filePath of autofixedFiles) {
      result.files += 1;
      const fixer = new ESLint({ cwd: corpus.root, overrideConfigFile: true, overrideConfig: sweepConfig({ corpus, typed: mode === 'typed' }), fix: true });
      const [first] = await fixer.lintText(readFileSync(filePath, 'utf8'), { filePath });
      if (first.output === undefined) continue;
      const [second] = await fixer.lintText(first.output, { filePath });
      if (second.output !== undefined || second.messages.some((message) => message.fatal === true)) {
        result.secondPassChanges.push(path.relative(corpus.root, filePath));
      }
    }
  }
  return result;
}
