// Renders the generated parts of the docs from rule metadata: the header of each
// docs/rules/<rule>.md and the rule table in README.md. Pure functions, shared by
// `npm run docs` (which writes) and tests/docs.test.ts (which checks nothing is stale).

export const HEADER_BEGIN = '<!-- begin auto-generated rule header -->';
export const HEADER_END = '<!-- end auto-generated rule header -->';
export const TABLE_BEGIN = '<!-- begin auto-generated rules list -->';
export const TABLE_END = '<!-- end auto-generated rules list -->';

const FAMILIES = [
  ['bodies', 'Response bodies'],
  ['timeouts', 'Timeouts'],
  ['queues', 'Queues and backpressure'],
  ['lifecycle', 'Connection lifecycle'],
];

function presetsOf(docs) {
  return docs.preset === 'recommended' ? ['recommended', 'strict', 'all'] : ['strict', 'all'];
}

/** The lines between the header markers of one rule's doc. */
export function renderRuleHeader(rule) {
  const { docs } = rule.meta;
  const severity = docs.severity === 'error' ? 'an error' : 'a warning';
  const lines = [
    `📝 ${docs.description}.`,
    '',
    `💼 Enabled as ${severity} in ${presetsOf(docs).map((name) => `\`${name}\``).join(', ')} (and their \`-type-checked\` variants).`,
  ];
  if (rule.meta.fixable) lines.push('', '🔧 Some problems are fixed automatically by `--fix`.');
  if (rule.meta.hasSuggestions) lines.push('', '💡 Some problems have editor suggestions (quick fixes that you apply by hand).');
  if (docs.usesTypeInformation) lines.push('', '💭 Uses type information when it is available, and works without it.');
  return lines.join('\n');
}

/** The rule table for the README, grouped by family. */
export function renderRuleTable(rules) {
  const out = [
    '💼 preset that enables it · 🔧 autofix · 💡 suggestions · 💭 more precise with type information',
    '',
  ];
  for (const [family, title] of FAMILIES) {
    const names = Object.keys(rules)
      .filter((name) => rules[name].meta.docs.family === family)
      .sort();
    if (names.length === 0) continue;
    out.push(`### ${title}`, '', '| Rule | Description | 💼 | 🔧 | 💡 | 💭 |', '| --- | --- | --- | --- | --- | --- |');
    for (const name of names) {
      const { meta } = rules[name];
      const preset = `${meta.docs.preset} (${meta.docs.severity})`;
      out.push(
        `| [\`${name}\`](packages/eslint-plugin/docs/rules/${name}.md) | ${meta.docs.description} | ${preset} | ${meta.fixable ? '🔧' : ''} | ${meta.hasSuggestions ? '💡' : ''} | ${meta.docs.usesTypeInformation ? '💭' : ''} |`,
      );
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}

/** Replaces what stands between two marker lines (which must exist) with `content`. */
export function replaceBetween(text, begin, end, content) {
  const start = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (start === -1 || stop === -1 || stop < start) throw new Error(`markers ${begin} … ${end} not found`);
  return `${text.slice(0, start + begin.length)}\n${content}\n${text.slice(stop)}`;
}
