// The Timehop outage in DESIGN.md: `http.Transport{}` with no dial, TLS or request timeouts.
// In JavaScript: every axios instance without a timeout (clearlydefined/crawler#760), a pg pool
// whose `connect()` hung forever (brianc/node-postgres#2704).
import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';

import type { ResolvedCall } from '../analysis/resolve';
import { registersListener, resolveCall } from '../analysis/resolve';
import { staticValue } from '../analysis/static-value';
import type { Evaluation, LocatedOptions, TimeoutLibrary, TimeoutTarget } from '../analysis/timeout-options';
import {
  addState,
  axiosDefaultsWrite,
  callLabel,
  callSiteLoc,
  emptyEvaluation,
  formatMs,
  keyState,
  locateOptions,
  mayUseTimeoutLibraries,
  TIMEOUT_LIBRARIES,
  timeoutTargetOf,
} from '../analysis/timeout-options';
import { valueUses } from '../analysis/value-uses';
import { addNestedOption, nestedOptionText, optionPropertyText, optionsObjectText } from '../fixes/add-nested-option';
import { appendArgument } from '../fixes/append-argument';
import { createRule } from '../util/create-rule';

export type Options = [{ defaultTimeoutMs: number; ignore: TimeoutLibrary[] }];
export type MessageId = 'missingClientTimeout' | 'addTimeout';

type Suggestion = { fix: (fixer: RuleFixer) => RuleFix | null; text: string };

/** `net.Socket` methods that return the socket (`net.connect(…).on('error', …).setTimeout(…)`). */
const SOCKET_CHAINABLE = new Set(['on', 'once', 'addListener', 'prependListener', 'setTimeout', 'setKeepAlive', 'setNoDelay', 'setEncoding', 'ref', 'unref', 'pause', 'resume']);
const MAX_EXTEND_DEPTH = 8;

export default createRule<Options, MessageId>({
  name: 'require-client-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require HTTP clients, agents, sockets and database pools to be created with timeouts',
      family: 'timeouts',
      preset: 'recommended',
      severity: 'error',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          defaultTimeoutMs: {
            type: 'integer',
            minimum: 1,
            description: 'The timeout, in milliseconds, that suggestions insert.',
          },
          ignore: {
            type: 'array',
            items: { type: 'string', enum: [...TIMEOUT_LIBRARIES] },
            uniqueItems: true,
            description: 'Libraries whose clients are not checked.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missingClientTimeout: 'No {{missing}} is given to `{{call}}`: {{consequence}}.',
      addTimeout: 'Add `{{text}}`.',
    },
  },
  defaultOptions: [{ defaultTimeoutMs: 30_000, ignore: [] }],
  create(context, [{ defaultTimeoutMs, ignore }]) {
    // Most files make no network calls: skip them before any resolution.
    if (!mayUseTimeoutLibraries(context)) return {};
    const ms = formatMs(defaultTimeoutMs);
    const sourceCode = context.sourceCode;
    const pending: (() => void)[] = [];
    // `axios.defaults.timeout = …` (global) and `api.defaults.timeout = …` (one instance), anywhere in the file.
    const axiosDefaults = new Map<TSESTree.Node | 'default', Evaluation>();

    /** How the required keys of a client target are set across its options objects. */
    function requiredState(target: TimeoutTarget, objects: Extract<LocatedOptions, { kind: 'known' }>['objects']): Evaluation {
      const evaluation = emptyEvaluation();
      const paths = target.required?.paths ?? [];
      for (const key of target.keys) {
        if (!paths.some((path) => path.join('.') === key.path.join('.'))) continue;
        for (const options of objects) addState(evaluation, keyState(context, options, key), key);
      }
      return evaluation;
    }

    function isSatisfied(evaluation: Evaluation): boolean {
      return evaluation.unknown || evaluation.disabled || evaluation.bound !== 'none';
    }

    /** `got.extend()` on an instance that already has a timeout inherits it; unknown instances say nothing. */
    function inheritsTimeout(resolved: ResolvedCall, target: TimeoutTarget, depth: number): boolean {
      const receiver = resolved.receiver;
      if (receiver === undefined) return false;
      if (receiver.origin === undefined) return receiver.via === 'type' || receiver.library !== 'got';
      const origin = receiver.origin;
      if (depth > MAX_EXTEND_DEPTH || (origin.type !== 'CallExpression' && origin.type !== 'NewExpression')) return true;
      const parent = resolveCall(context, origin);
      if (parent?.api?.id !== 'got.extend') return true;
      const located = locateOptions(context, parent, target);
      if (located.kind === 'unknown' || isSatisfied(requiredState(target, located.objects))) return true;
      return inheritsTimeout(parent, target, depth + 1);
    }

    /** `const sock = net.connect(…); sock.setTimeout(ms, …)`, or a socket handed on: bounded or not ours to judge. */
    function socketIsBoundedLater(node: TSESTree.Node): boolean {
      const uses = valueUses(context, node, { chainable: (method) => SOCKET_CHAINABLE.has(method) });
      if (uses.escapes) return true;
      return uses.calls.some((use) => {
        if (use.method !== 'setTimeout') return false;
        const argument = use.call.arguments[0];
        if (argument === undefined) return false;
        const value = staticValue(context, argument);
        return value === undefined || (typeof value.value === 'number' && value.value > 0);
      });
    }

    function suggestionFor(resolved: ResolvedCall, target: TimeoutTarget, located: Extract<LocatedOptions, { kind: 'known' }>): Suggestion | undefined {
      if (target.library === 'net') return socketTimeoutStatement(resolved.node);
      const fix = target.required?.fix;
      if (fix === undefined) return undefined;
      const value = fix.value(ms);
      if (located.objects.length === 1) {
        const [options] = located.objects;
        if (options === undefined || !options.inline) return undefined;
        const text = nestedOptionText(options.node, fix.path, value);
        if (text === undefined) return undefined;
        return { text, fix: (fixer) => addNestedOption(fixer, sourceCode, options.node, fix.path, value) ?? null };
      }
      if (located.objects.length > 0 || located.insertion?.kind !== 'append') return undefined;
      const argument = optionsObjectText(fix.path, value);
      return { text: optionPropertyText(fix.path, value), fix: (fixer) => appendArgument(fixer, sourceCode, resolved.node, argument) };
    }

    /** `const sock = net.connect(…);` → a following `sock.setTimeout(ms, () => sock.destroy(…));`. */
    function socketTimeoutStatement(node: TSESTree.CallExpression | TSESTree.NewExpression): Suggestion | undefined {
      const declarator = node.parent;
      if (declarator.type !== 'VariableDeclarator' || declarator.init !== node || declarator.id.type !== 'Identifier') return undefined;
      const declaration = declarator.parent;
      if (declaration.declarations.length !== 1) return undefined;
      const container = declaration.parent;
      if (container.type !== 'Program' && container.type !== 'BlockStatement' && container.type !== 'StaticBlock') return undefined;
      const name = declarator.id.name;
      const indent = sourceCode.lines[declaration.loc.start.line - 1]?.match(/^\s*/)?.[0] ?? '';
      const text = `${name}.setTimeout(${ms}, () => ${name}.destroy(new Error('socket timed out')));`;
      return { text, fix: (fixer) => fixer.insertTextAfter(declaration, `\n${indent}${text}`) };
    }

    function check(resolved: ResolvedCall, target: TimeoutTarget): void {
      const required = target.required;
      if (required === undefined) return;
      const located = locateOptions(context, resolved, target);
      if (located.kind === 'unknown') return;
      if (isSatisfied(requiredState(target, located.objects))) return;
      switch (target.library) {
        case 'axios':
          // `axios.create()` merges `axios.defaults` into the new instance.
          for (const owner of ['default', resolved.node] as const) {
            const evaluation = axiosDefaults.get(owner);
            if (evaluation !== undefined && isSatisfied(evaluation)) return;
          }
          break;
        case 'got':
          if (inheritsTimeout(resolved, target, 0)) return;
          break;
        case 'net':
          if (socketIsBoundedLater(resolved.node)) return;
          break;
        default:
          break;
      }
      context.report({
        loc: callSiteLoc(resolved.node),
        messageId: 'missingClientTimeout',
        data: { call: callLabel(sourceCode, resolved, resolved.node), missing: required.describe, consequence: required.consequence },
        suggest: [suggestionFor(resolved, target, located)].flatMap((suggestion) =>
          suggestion === undefined ? [] : [{ messageId: 'addTimeout' as const, data: { text: suggestion.text }, fix: suggestion.fix }],
        ),
      });
    }

    return {
      AssignmentExpression(node) {
        if (node.left.type !== 'MemberExpression') return;
        const write = axiosDefaultsWrite(context, node);
        if (write === undefined) return;
        const evaluation = axiosDefaults.get(write.owner) ?? emptyEvaluation();
        addState(evaluation, write.state, write.key);
        axiosDefaults.set(write.owner, evaluation);
      },
      'CallExpression, NewExpression'(node: TSESTree.CallExpression | TSESTree.NewExpression) {
        const callee = node.callee;
        if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression') return;
        if (registersListener(node)) return;
        const resolved = resolveCall(context, node);
        if (resolved?.api === undefined) return;
        const target = timeoutTargetOf(resolved);
        if (target?.role !== 'client' || target.required === undefined || ignore.includes(target.library)) return;
        pending.push(() => {
          check(resolved, target);
        });
      },
      'Program:exit'() {
        for (const run of pending) run();
      },
    };
  },
});
