// The lingering-close lesson in DESIGN.md: a full accept queue drops or resets new clients
// (agentmail-to/agentmail-mcp#46: ListenOverflows in production).
import type { TSESTree } from '@typescript-eslint/utils';

import { propertyValue, readOptionsObject } from '../analysis/object-options';
import { resolveCall } from '../analysis/resolve';
import { staticNumber } from '../analysis/static-value';
import { staticPropertyName, unwrapExpression } from '../analysis/syntax';
import { createRule } from '../util/create-rule';

export type Options = [{ minBacklog: number }];
export type MessageId = 'smallBacklog' | 'raiseBacklog';

const NODE_DEFAULT_BACKLOG = 511;
const SERVER_KINDS = new Set(['http-server', 'net-server']);

export default createRule<Options, MessageId>({
  name: 'no-small-listen-backlog',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow a `listen()` backlog below Node's default of 511, which only shrinks the accept queue",
      family: 'lifecycle',
      preset: 'recommended',
      severity: 'warn',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          minBacklog: {
            type: 'integer',
            minimum: 1,
            description: 'The smallest backlog accepted. Node\'s own default is 511; the kernel caps it at `somaxconn`.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      smallBacklog:
        'A listen backlog of {{value}} is below {{min}}: when a burst of connections fills the accept queue, the kernel drops or refuses the rest. Leave it out (Node uses 511) or raise it.',
      raiseBacklog: 'Raise the backlog to {{min}}.',
    },
  },
  defaultOptions: [{ minBacklog: NODE_DEFAULT_BACKLOG }],
  create(context, [{ minBacklog }]) {
    /** Reports `node` when it is a static backlog below the minimum; true when it was a backlog at all. */
    function check(node: TSESTree.Node): boolean {
      const value = staticNumber(context, node);
      // Node's `toNumber`: only a non-negative number counts, and 0 means "use the default".
      if (value === undefined || !(value > 0)) return false;
      if (value < minBacklog) {
        context.report({
          node,
          messageId: 'smallBacklog',
          data: { value: String(value), min: String(minBacklog) },
          suggest: [
            {
              messageId: 'raiseBacklog',
              data: { min: String(minBacklog) },
              fix: (fixer) => fixer.replaceText(node, String(minBacklog)),
            },
          ],
        });
      }
      return true;
    }

    return {
      // server.listen(port, host, 10) · server.listen(port, 10) · server.listen({ port, backlog: 10 })
      CallExpression(node) {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== 'MemberExpression' || staticPropertyName(callee) !== 'listen') return;
        const resolved = resolveCall(context, node);
        const receiver = resolved?.receiver;
        if (receiver === undefined || receiver.path.join('.') !== 'listen' || !SERVER_KINDS.has(receiver.instance)) return;

        const [first, second, third] = node.arguments;
        if (first === undefined || node.arguments.some((argument) => argument.type === 'SpreadElement')) return;
        const options = readOptionsObject(context, first);
        if (options.kind === 'object') {
          const backlog = propertyValue(options, 'backlog');
          if (backlog !== undefined && check(backlog)) return;
        }
        // Node reads the backlog from the second argument when it is a number, else the third.
        for (const candidate of [second, third]) {
          if (candidate === undefined) return;
          if (check(candidate)) return;
        }
      },
    };
  },
});
