import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext, RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';

import { resolveRef } from '../analysis/resolve';

type AnyContext = Readonly<RuleContext<string, readonly unknown[]>>;

/**
 * How a fix at `node` can call `events.once`: the local name of an `once` already imported or
 * required from `node:events`, or `once` plus a fix that adds `import { once } from
 * 'node:events'` (or `const { once } = require('node:events')` in a CommonJS file) at the top.
 * Undefined when the name `once` is taken by something else where `node` is.
 */
export function eventsOnceName(
  context: AnyContext,
  fixer: RuleFixer,
  node: TSESTree.Node,
): { name: string; fixes: RuleFix[] } | undefined {
  const sourceCode = context.sourceCode;
  for (let scope: ReturnType<typeof sourceCode.getScope> | null = sourceCode.getScope(node); scope !== null; scope = scope.upper) {
    const variable = scope.set.get('once');
    if (variable === undefined) continue;
    const def = variable.defs[0];
    if (def === undefined) continue; // declared only as a configured global: not ours to shadow
    const ref = def.name.type === 'Identifier' ? resolveRef(context, def.name) : undefined;
    return ref?.kind === 'path' && ref.root === 'events' && ref.path.join('.') === 'once' ? { name: 'once', fixes: [] } : undefined;
  }
  const program = sourceCode.ast;
  const imports = program.body.filter((statement) => statement.type === 'ImportDeclaration');
  const lastImport = imports.at(-1);
  if (lastImport !== undefined) return { name: 'once', fixes: [fixer.insertTextAfter(lastImport, `\nimport { once } from 'node:events';`)] };
  const lastRequire = program.body.filter(isTopLevelRequire).at(-1);
  if (lastRequire !== undefined) {
    return { name: 'once', fixes: [fixer.insertTextAfter(lastRequire, `\nconst { once } = require('node:events');`)] };
  }
  const declaration = program.sourceType === 'module' ? `import { once } from 'node:events';` : `const { once } = require('node:events');`;
  const lastDirective = program.body.filter((statement) => statement.type === 'ExpressionStatement' && statement.directive !== undefined).at(-1);
  if (lastDirective !== undefined) return { name: 'once', fixes: [fixer.insertTextAfter(lastDirective, `\n${declaration}`)] };
  const first = program.body[0];
  if (first === undefined) return undefined;
  return { name: 'once', fixes: [fixer.insertTextBefore(first, `${declaration}\n`)] };
}

/** `const x = require('…')` (possibly destructured) at the top level of a file. */
function isTopLevelRequire(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== 'VariableDeclaration') return false;
  return statement.declarations.some((declarator) => {
    const init = declarator.init;
    return init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require';
  });
}
