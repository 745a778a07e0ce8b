// The Tarsnap outage in DESIGN.md, in its request form: node:http puts no limit on request
// bodies, so a handler that collects every chunk can be made to hold any amount of memory
// (paulbreuler/limps#151: a Content-Length check alone is bypassed by chunked bodies).
import type { TSESTree } from '@typescript-eslint/utils';
import type { ReportSuggestionArray, RuleFix, RuleFixer, Scope } from '@typescript-eslint/utils/ts-eslint';

import type { InstanceKind } from '../analysis/api-catalog';
import { forEachDescendant, someDescendant } from '../analysis/descendants';
import { resolveInstance } from '../analysis/resolve';
import { staticNumber } from '../analysis/static-value';
import type { FunctionNode } from '../analysis/syntax';
import { constInitializer, findVariable, isFunctionNode, localFunction, skipWrappersUpward, staticPropertyName, unwrapExpression } from '../analysis/syntax';
import { createRule } from '../util/create-rule';

export type Options = [{ maxBodyBytes: number; checkBodyReadMethods: boolean }];
export type MessageId = 'unboundedAccumulation' | 'unboundedBodyRead' | 'limitBody';

const BODY_KINDS: ReadonlySet<InstanceKind> = new Set(['incoming-message']);
const BODY_READ_METHODS: ReadonlySet<string> = new Set(['text', 'json', 'arrayBuffer', 'blob', 'formData', 'bytes']);
const RELATIONAL: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);
const COUNTER = 'receivedBytes';

/** Where chunks arrive: the body of a `'data'` listener or of a `for await` loop, and the chunk variable. */
interface ChunkSite {
  body: TSESTree.Node;
  chunk: Scope.Variable;
  emitter: TSESTree.Expression;
  /** The statement that starts receiving (`req.on('data', …);` or the `for await` loop). */
  statement: TSESTree.Statement;
  listener: FunctionNode | undefined;
  /** The chunk handler is written where it is registered, so a fix may add a counter around it. */
  inline: boolean;
}

export default createRule<Options, MessageId>({
  name: 'no-unbounded-body-accumulation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow collecting request or response bodies chunk by chunk without a size limit',
      family: 'queues',
      preset: 'recommended',
      severity: 'error',
      requiresTypeChecking: false,
      usesTypeInformation: true,
      strictOptions: { checkBodyReadMethods: true },
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          maxBodyBytes: {
            type: 'integer',
            minimum: 1,
            description: 'The limit, in bytes, that the suggested fix enforces (default 1 MiB).',
          },
          checkBodyReadMethods: {
            type: 'boolean',
            description:
              'Also report `request.text()`, `.json()`, `.arrayBuffer()`, `.blob()`, `.formData()` and `.bytes()` on a WHATWG `Request` known from its type, which read the whole body with no limit (on in `strict`).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      unboundedAccumulation:
        'Body chunks are collected into `{{target}}` with no size limit: a client can send an endless body and this process keeps all of it in memory. Count the bytes received and stop (`{{emitter}}.destroy()`, status 413) above a limit; checking `Content-Length` alone is not enough.',
      unboundedBodyRead:
        '`{{method}}()` reads the whole request body into memory with no size limit. Check the size while reading (for example a byte-counting reader over `request.body`), or let a framework parser with a `limit` do it.',
      limitBody: 'Count the bytes received and stop reading above {{max}} bytes.',
    },
  },
  defaultOptions: [{ maxBodyBytes: 1024 * 1024, checkBodyReadMethods: false }],
  create(context, [{ maxBodyBytes, checkBodyReadMethods }]) {
    const sourceCode = context.sourceCode;

    function isBody(node: TSESTree.Node): boolean {
      const instance = resolveInstance(context, node);
      return instance !== undefined && !instance.promise && BODY_KINDS.has(instance.instance);
    }

    function check(site: ChunkSite): void {
      const accumulation = findAccumulation(site);
      if (accumulation === undefined || hasSizeLimit(site.body)) return;
      context.report({
        node: accumulation.node,
        messageId: 'unboundedAccumulation',
        data: { target: sourceCode.getText(accumulation.target), emitter: asWritten(site.emitter) },
        suggest: limitSuggestion(site),
      });
    }

    /** An expression as written, with the parentheses around a member's object: `(req as IncomingMessage)`. */
    function asWritten(node: TSESTree.Expression): string {
      const parent = node.parent;
      if (parent.type !== 'MemberExpression' || parent.object !== node) return sourceCode.getText(node);
      const dot = sourceCode.getTokenAfter(node, { filter: (token) => token.value === '.' || token.value === '?.' });
      return dot === null ? sourceCode.getText(node) : sourceCode.text.slice(parent.range[0], dot.range[0]);
    }

    /** The first place in the site's body that adds a chunk to state living outside it. */
    function findAccumulation(site: ChunkSite): { node: TSESTree.Node; target: TSESTree.Node } | undefined {
      const chunkReads = new Set<TSESTree.Node>(site.chunk.references.map((reference) => reference.identifier));
      const mentionsChunk = (node: TSESTree.Node): boolean => chunkReads.has(node) || someDescendant(sourceCode, node, (inner) => chunkReads.has(inner), { enterFunctions: false });
      let found: { node: TSESTree.Node; target: TSESTree.Node } | undefined;
      forEachDescendant(sourceCode, site.body, (node) => {
        if (node !== site.body && isFunctionNode(node)) return 'skip';
        if (node.type === 'CallExpression') {
          const callee = unwrapExpression(node.callee);
          if (callee.type !== 'MemberExpression' || staticPropertyName(callee) !== 'push') return undefined;
          if (livesOutside(callee.object, site.body) && node.arguments.some(mentionsChunk)) {
            found = { node, target: callee.object };
            return 'stop';
          }
          return undefined;
        }
        if (node.type === 'AssignmentExpression' && livesOutside(node.left, site.body) && mentionsChunk(node.right)) {
          const grows = node.operator === '+=' || (node.operator === '=' && mentions(node.right, node.left));
          if (grows && !isCounter(node)) {
            found = { node, target: node.left };
            return 'stop';
          }
        }
        return undefined;
      });
      return found;
    }

    /** Whether the value `target` names is declared outside `body` (so it outlives one chunk). */
    function livesOutside(target: TSESTree.Node, body: TSESTree.Node): boolean {
      const value = unwrapExpression(target);
      if (value.type === 'MemberExpression') return value.object.type === 'ThisExpression' || livesOutside(value.object, body);
      if (value.type !== 'Identifier') return false;
      const variable = findVariable(sourceCode.getScope(value), value);
      const def = variable?.defs[0];
      if (def === undefined) return false;
      return def.name.range[0] < body.range[0] || def.name.range[1] > body.range[1];
    }

    /** Whether `haystack` contains a reference to the same variable or member as `needle`. */
    function mentions(haystack: TSESTree.Node, needle: TSESTree.Node): boolean {
      const text = sourceCode.getText(unwrapExpression(needle));
      return someDescendant(sourceCode, haystack, (node) => (node.type === 'Identifier' || node.type === 'MemberExpression') && sourceCode.getText(node) === text, { enterFunctions: false }) || sourceCode.getText(unwrapExpression(haystack)) === text;
    }

    /** `size += chunk.length` counts bytes; it does not keep them. */
    function isCounter(assignment: TSESTree.AssignmentExpression): boolean {
      const right = unwrapExpression(assignment.right);
      return right.type === 'MemberExpression' && ['length', 'byteLength'].includes(staticPropertyName(right) ?? '');
    }

    /** A limit checked on every chunk: a size comparison (`size > LIMIT`) or aborting the request from inside. */
    function hasSizeLimit(body: TSESTree.Node): boolean {
      return someDescendant(
        sourceCode,
        body,
        (node) => {
          if (node.type === 'BinaryExpression' && RELATIONAL.has(node.operator) && node.left.type !== 'PrivateIdentifier') {
            const left = staticNumber(context, node.left);
            const right = staticNumber(context, node.right);
            return left !== 0 && right !== 0;
          }
          if (node.type === 'CallExpression') {
            const callee = unwrapExpression(node.callee);
            return callee.type === 'MemberExpression' && staticPropertyName(callee) === 'destroy';
          }
          return false;
        },
        { enterFunctions: true },
      );
    }

    function limitSuggestion(site: ChunkSite): ReportSuggestionArray<MessageId> {
      if (!site.inline || !isSimpleReference(site.emitter) || sourceCode.text.includes(COUNTER) || !isBlockStatementPosition(site.statement)) return [];
      const count = `${COUNTER} += ${site.chunk.name}.length;`;
      const test = `if (${COUNTER} > ${String(maxBodyBytes)})`;
      // A listener stops by destroying the stream; a `for await` loop by throwing, which also destroys it.
      const stop = site.listener === undefined ? [`throw new Error('Request body too large');`] : [`${sourceCode.getText(site.emitter)}.destroy();`, 'return;'];
      const body = site.body;
      return [
        {
          messageId: 'limitBody',
          data: { max: String(maxBodyBytes) },
          fix: (fixer: RuleFixer): RuleFix[] | null => {
            const declare = fixer.insertTextBefore(site.statement, `let ${COUNTER} = 0;${separatorBefore(site.statement)}`);
            const oneLine = `${count} ${test} { ${stop.join(' ')} }`;
            if (body.type !== 'BlockStatement') {
              // A loop body without braces, or an expression-bodied listener (its value is ignored): either can become a block.
              const statement = site.listener === undefined ? sourceCode.getText(body) : `${sourceCode.getText(body)};`;
              return [declare, fixer.replaceText(body, `{ ${oneLine} ${statement} }`)];
            }
            const first = body.body[0];
            if (first === undefined) return null;
            if (first.loc.start.line === body.loc.start.line) return [declare, fixer.insertTextBefore(first, `${oneLine} `)];
            const inner = separatorBefore(first);
            const lines = [count, `${test} {`, ...stop.map((line) => `  ${line}`), '}'];
            return [declare, fixer.insertTextBefore(first, `${lines.join(inner)}${inner}`)];
          },
        },
      ];
    }

    /** What goes between an inserted statement and `node`: a new line with `node`'s indentation, or a space mid-line. */
    function separatorBefore(node: TSESTree.Node): string {
      const before = sourceCode.lines[node.loc.start.line - 1]?.slice(0, node.loc.start.column) ?? '';
      return /^\s*$/.test(before) ? `\n${before}` : ' ';
    }

    /** `req.on('data', chunk => …)`, or `req.on('data', onData)` with `onData` declared in this file. */
    function checkListener(node: TSESTree.CallExpression, emitter: TSESTree.Expression): void {
      const argument = node.arguments[1];
      const listener = listenerFunction(argument);
      const param = listener?.params[0];
      if (listener === undefined || param?.type !== 'Identifier') return;
      const chunk = findVariable(sourceCode.getScope(listener.body), param);
      const statement = skipWrappersUpward(node).parent;
      if (chunk === undefined || statement?.type !== 'ExpressionStatement' || !isBody(emitter)) return;
      check({ body: listener.body, chunk, emitter, statement, listener, inline: listener === argument });
    }

    /**
     * `new Request(url, { body }).blob()`: a request the program builds itself (to send it, or to
     * measure its own upload) carries the program's own body, not a peer's (wretch
     * `addons/progress.js`). A copy of a request it was given (`new Request(request)`) still holds
     * the peer's body and is checked.
     */
    function isBuiltHere(node: TSESTree.Expression): boolean {
      const written = unwrapExpression(node);
      const init = written.type === 'Identifier' ? constInitializer(sourceCode, written) : written;
      const value = init === undefined ? undefined : unwrapExpression(init);
      if (value?.type !== 'NewExpression') return false;
      const [source] = value.arguments;
      if (source === undefined || source.type === 'SpreadElement') return false;
      return resolveInstance(context, source)?.instance !== 'fetch-request';
    }

    function listenerFunction(argument: TSESTree.Node | undefined): FunctionNode | undefined {
      return argument === undefined ? undefined : localFunction(sourceCode, argument);
    }

    return {
      CallExpression(node) {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== 'MemberExpression') return;
        const method = staticPropertyName(callee);
        if (method === 'on' || method === 'addListener' || method === 'prependListener') {
          const event = node.arguments[0];
          if (event?.type === 'Literal' && event.value === 'data') checkListener(node, callee.object);
          return;
        }
        if (checkBodyReadMethods && method !== undefined && BODY_READ_METHODS.has(method) && node.arguments.length === 0) {
          const instance = resolveInstance(context, callee.object);
          if (instance?.instance === 'fetch-request' && !instance.promise && !isBuiltHere(callee.object)) {
            context.report({ node, messageId: 'unboundedBodyRead', data: { method } });
          }
        }
      },
      ForOfStatement(node) {
        if (!node.await || node.left.type !== 'VariableDeclaration') return;
        const [declarator] = node.left.declarations;
        if (node.left.declarations.length !== 1 || declarator.id.type !== 'Identifier') return;
        const chunk = findVariable(sourceCode.getScope(node.body), declarator.id);
        const right = unwrapExpression(node.right);
        if (chunk === undefined || right.type === 'SpreadElement' || !isBody(right)) return;
        check({ body: node.body, chunk, emitter: node.right, statement: node, listener: undefined, inline: true });
      },
    };
  },
});

/** An expression that can be repeated without side effects: `req`, `this.req`, `ctx.req`. */
function isSimpleReference(node: TSESTree.Node): boolean {
  if (node.type === 'Identifier' || node.type === 'ThisExpression') return true;
  return node.type === 'MemberExpression' && !node.computed && !node.optional && isSimpleReference(node.object);
}

/** A statement directly in a block or program, where a declaration may be inserted before it. */
function isBlockStatementPosition(statement: TSESTree.Statement): boolean {
  const parent = statement.parent;
  return parent.type === 'BlockStatement' || parent.type === 'Program' || parent.type === 'StaticBlock';
}
