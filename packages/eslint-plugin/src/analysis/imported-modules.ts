import type { TSESTree } from '@typescript-eslint/utils';

import type { ModuleId } from './modules';
import { canonicalModule } from './modules';
import { unwrapExpression } from './syntax';

const cache = new WeakMap<TSESTree.Program, ReadonlySet<ModuleId>>();

/**
 * The known libraries a file imports or requires at its top level (`import`, `import type`,
 * `export … from`, `const x = require('…')`, `require('…').member`, destructured or not). A cheap
 * pre-filter for rules whose subject only exists when a library is loaded: a file that never
 * names `p-queue` cannot make a p-queue. Dynamic `import()` and nested `require` are not seen.
 */
export function importedModules(program: TSESTree.Program): ReadonlySet<ModuleId> {
  const cached = cache.get(program);
  if (cached !== undefined) return cached;
  const found = new Set<ModuleId>();
  const add = (specifier: string): void => {
    const module = canonicalModule(specifier)?.module;
    if (module !== undefined) found.add(module);
  };
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration' || ((statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportAllDeclaration') && statement.source !== null)) {
      add(statement.source.value);
      continue;
    }
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      const specifier = declarator.init === null ? undefined : requiredSpecifier(declarator.init);
      if (specifier !== undefined) add(specifier);
    }
  }
  cache.set(program, found);
  return found;
}

/** `require('x')`, `require('x').y.z`, `require('x')(…)` → `'x'`. */
function requiredSpecifier(node: TSESTree.Node): string | undefined {
  let current = unwrapExpression(node);
  for (;;) {
    if (current.type === 'MemberExpression') current = unwrapExpression(current.object);
    else if (current.type === 'CallExpression' && !(current.callee.type === 'Identifier' && current.callee.name === 'require')) current = unwrapExpression(current.callee);
    else break;
  }
  if (current.type !== 'CallExpression' || current.callee.type !== 'Identifier' || current.callee.name !== 'require') return undefined;
  const [source] = current.arguments;
  return source?.type === 'Literal' && typeof source.value === 'string' ? source.value : undefined;
}
