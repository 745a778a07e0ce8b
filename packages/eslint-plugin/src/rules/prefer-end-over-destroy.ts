// The lingering-close lesson in DESIGN.md (Apache httpd): closing right after writing can
// reset the connection and drop the data still in flight. Measured for research/rules.md:
// `sock.write(8 MiB); sock.destroy()` delivered 3.9 MB, `sock.end()` all 8.4 MB.
import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import type { RuleFixer } from '@typescript-eslint/utils/ts-eslint';

import type { InstanceKind } from '../analysis/api-catalog';
import { resolveInstance } from '../analysis/resolve';
import { staticPropertyName, unwrapExpression } from '../analysis/syntax';
import { mentionsName } from '../analysis/descendants';
import { createRule } from '../util/create-rule';

export type Options = [];
export type MessageId = 'destroyAfterWrite' | 'endWithData' | 'replaceWithEnd';

/** Writable connections whose `destroy()` discards what `write()` queued. */
const CONNECTION_KINDS: ReadonlySet<InstanceKind> = new Set(['socket', 'server-response', 'duplex']);

type StatementList = TSESTree.Program | TSESTree.BlockStatement | TSESTree.StaticBlock | TSESTree.SwitchCase;

/** A `<receiver>.<method>(…)` call that is a whole expression statement. */
interface MethodStatement {
  statement: TSESTree.ExpressionStatement;
  call: TSESTree.CallExpression;
  receiver: TSESTree.Expression;
  method: string;
}

export default createRule<Options, MessageId>({
  name: 'prefer-end-over-destroy',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `end()` instead of `destroy()` right after writing to a socket or response, which can drop the data still in flight',
      family: 'lifecycle',
      preset: 'recommended',
      severity: 'warn',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      destroyAfterWrite:
        '`{{name}}.destroy()` right after `{{name}}.write()` can reset the connection and drop data that is still buffered. Use `{{name}}.end()` to flush and close; keep `destroy(err)` for errors.',
      endWithData: 'Send the last chunk with `{{name}}.end(…)` instead of `write()` and `destroy()`.',
      replaceWithEnd: 'Replace `{{name}}.destroy()` with `{{name}}.end()`.',
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;

    return {
      // sock.write(x); … sock.destroy();   (same statement list, nothing in between that could skip it)
      ExpressionStatement(node) {
        const destroy = methodStatement(node);
        if (destroy?.method !== 'destroy' || destroy.call.arguments.length > 0) return;
        const list = node.parent;
        if (!isStatementList(list)) return;
        const root = receiverRoot(destroy.receiver);
        if (root === undefined) return;

        const write = precedingWrite(list, destroy, root, receiverText(destroy.receiver));
        if (write === undefined) return;
        const instance = resolveInstance(context, destroy.receiver);
        if (instance === undefined || !CONNECTION_KINDS.has(instance.instance)) return;

        const name = sourceCode.getText(destroy.receiver);
        const merge = isMergeable(list, write, destroy);
        context.report({
          node: destroy.call,
          messageId: 'destroyAfterWrite',
          data: { name },
          suggest: [
            merge
              ? { messageId: 'endWithData', data: { name }, fix: (fixer) => mergeIntoEnd(fixer, write, destroy) }
              : { messageId: 'replaceWithEnd', data: { name }, fix: (fixer) => replaceMethodName(fixer, destroy, 'end') },
          ],
        });
      },
    };

    /**
     * The nearest `write()` on the same receiver before `destroy` in the same statement list,
     * when every statement in between is straight-line code that leaves the receiver alone.
     */
    function precedingWrite(list: StatementList, destroy: MethodStatement, root: string, text: string): MethodStatement | undefined {
      const statements = statementsOf(list);
      const index = statements.indexOf(destroy.statement);
      for (let i = index - 1; i >= 0; i--) {
        const statement = statements[i];
        if (statement === undefined) return undefined;
        const candidate = methodStatement(statement);
        if (candidate !== undefined && candidate.method === 'write' && receiverText(candidate.receiver) === text) {
          return candidate.call.arguments.some((argument) => argument.type === 'SpreadElement') ? undefined : candidate;
        }
        if (!isStraightLine(statement) || touchesReceiver(context.sourceCode, statement, root)) return undefined;
      }
      return undefined;
    }

    /** The receiver as written, without whitespace, comments, `?.` or TS wrappers. */
    function receiverText(receiver: TSESTree.Expression): string {
      return sourceCode
        .getTokens(unwrapExpression(receiver))
        .map((token) => (token.value === '?.' ? '.' : token.value))
        .join('');
    }

    /** `write(x); destroy()` with nothing between them and a plain `x`: the two become `end(x)`. */
    function isMergeable(list: StatementList, write: MethodStatement, destroy: MethodStatement): boolean {
      const statements = statementsOf(list);
      if (statements.indexOf(destroy.statement) !== statements.indexOf(write.statement) + 1) return false;
      const [data, encoding, ...rest] = write.call.arguments;
      if (data === undefined || rest.length > 0 || isFunctionLike(data)) return false;
      // `write(x, cb)`: the callback means "flushed"; `end(x, cb)` would mean "finished". Keep it apart.
      if (encoding !== undefined && !(encoding.type === 'Literal' && typeof encoding.value === 'string')) return false;
      // Comments between or inside the two statements would be lost.
      return sourceCode.getCommentsInside(write.statement).length === 0 && sourceCode.getCommentsInside(destroy.statement).length === 0 &&
        sourceCode.getCommentsBefore(destroy.statement).length === 0;
    }

    function mergeIntoEnd(fixer: RuleFixer, write: MethodStatement, destroy: MethodStatement) {
      return [
        replaceMethodName(fixer, write, 'end'),
        fixer.removeRange([write.statement.range[1], destroy.statement.range[1]]),
      ];
    }

    function replaceMethodName(fixer: RuleFixer, target: MethodStatement, method: string) {
      const callee = unwrapExpression(target.call.callee) as TSESTree.MemberExpression;
      return callee.computed ? fixer.replaceText(callee.property, `'${method}'`) : fixer.replaceText(callee.property, method);
    }
  },
});

function methodStatement(statement: TSESTree.Node): MethodStatement | undefined {
  if (statement.type !== 'ExpressionStatement') return undefined;
  const call = unwrapExpression(statement.expression);
  if (call.type !== 'CallExpression') return undefined;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression' || callee.object.type === 'Super') return undefined;
  const method = staticPropertyName(callee);
  if (method === undefined) return undefined;
  return { statement, call, receiver: callee.object, method };
}

function isStatementList(node: TSESTree.Node): node is StatementList {
  return node.type === 'Program' || node.type === 'BlockStatement' || node.type === 'StaticBlock' || node.type === 'SwitchCase';
}

function statementsOf(list: StatementList): readonly TSESTree.Node[] {
  return list.type === 'SwitchCase' ? list.consequent : list.body;
}

/** The variable a receiver hangs off (`sock`, `this.sock` → `this`, `conn.socket` → `conn`). */
function receiverRoot(receiver: TSESTree.Expression): string | undefined {
  let current: TSESTree.Node = unwrapExpression(receiver);
  while (current.type === 'MemberExpression') {
    if (current.computed && current.property.type !== 'Literal') return undefined;
    current = unwrapExpression(current.object);
  }
  if (current.type === 'Identifier') return current.name;
  if (current.type === 'ThisExpression') return 'this';
  return undefined;
}

/** Code that runs start to end: no branch, loop, jump or `try` that could skip the `destroy()`. */
function isStraightLine(statement: TSESTree.Node): boolean {
  return statement.type === 'ExpressionStatement' || statement.type === 'VariableDeclaration' || statement.type === 'EmptyStatement';
}

/** The statement does something with the receiver (ends it, re-assigns it, hands it on): stop looking. */
function touchesReceiver(sourceCode: Readonly<SourceCode>, statement: TSESTree.Node, root: string): boolean {
  if (root !== 'this') return mentionsName(sourceCode, statement, root);
  return statement.type !== 'EmptyStatement';
}

function isFunctionLike(node: TSESTree.Node): boolean {
  return node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression';
}
