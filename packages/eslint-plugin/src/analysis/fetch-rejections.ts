// A `fetch()` that rejects before any request is made: there is no response to read and no
// connection to time out, so neither no-unconsumed-body nor require-request-timeout reports it.
import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext } from '@typescript-eslint/utils/ts-eslint';

import { resolveRef } from './resolve';
import { staticValue } from './static-value';
import { constInitializer, staticKeyName, unwrapExpression } from './syntax';

type AnyContext = Readonly<RuleContext<string, readonly unknown[]>>;

const MAX_DEPTH = 4;
const BODYLESS_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/**
 * `fetch(url, { body })` whose method is GET or HEAD, written or (for a URL, whose method is GET)
 * left out: `new Request()` throws a TypeError for a GET or HEAD with a non-null body (Fetch
 * standard; undici and node-fetch alike, checked on Node 20), so the call rejects before any
 * connection opens (parse-server 9.10.0 `Auth/twitter.js`, `Auth/qq.js`: a bug, but not the one
 * these rules describe). Only an options literal is read, in place or through a `const`; a spread
 * after which no `method` is written could set one, and a `Request` input brings its own.
 */
export function rejectsBeforeSending(context: AnyContext, call: TSESTree.CallExpression): boolean {
  const [input, init] = call.arguments;
  if (input === undefined || init === undefined) return false;
  const literal = objectLiteral(context, init);
  if (literal === undefined) return false;
  let body: TSESTree.Node | undefined;
  let method: TSESTree.Node | undefined;
  let spread = false;
  for (const property of [...literal.properties].reverse()) {
    if (property.type === 'SpreadElement') {
      spread = true;
      break;
    }
    const key = staticKeyName(property);
    if (key === undefined || property.kind !== 'init') return false;
    if (key === 'body') body ??= property.value;
    if (key === 'method') method ??= property.value;
  }
  if (body === undefined || !isNonNullish(context, body, 0)) return false;
  if (method === undefined) return !spread && isUrl(context, input, 0);
  const value = staticValue(context, method)?.value;
  return typeof value === 'string' && BODYLESS_METHODS.has(value.toUpperCase());
}

function objectLiteral(context: AnyContext, node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  const value = unwrapExpression(node);
  if (value.type === 'ObjectExpression') return value;
  if (value.type !== 'Identifier') return undefined;
  const init = constInitializer(context.sourceCode, value);
  return init === undefined ? undefined : objectLiteral(context, init);
}

/**
 * A value that is never `null` or `undefined`: a non-null literal, a template, an object, array
 * or `new` expression, a binary operation, a unary one other than `void`, `String(x)`,
 * `x.toString()` (a string, or it throws: no request either way), `JSON.stringify()` of data
 * that is not `undefined`, or a `const` bound to one of these.
 */
function isNonNullish(context: AnyContext, node: TSESTree.Node, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = unwrapExpression(node);
  switch (value.type) {
    case 'Literal':
      return value.value !== null || 'regex' in value || 'bigint' in value;
    case 'TemplateLiteral':
    case 'ObjectExpression':
    case 'ArrayExpression':
    case 'NewExpression':
    case 'BinaryExpression':
      return true;
    case 'UnaryExpression':
      return value.operator !== 'void';
    case 'Identifier': {
      const init = constInitializer(context.sourceCode, value);
      return init !== undefined && isNonNullish(context, init, depth + 1);
    }
    case 'CallExpression': {
      const callee = unwrapExpression(value.callee);
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'toString') return true;
      const ref = resolveRef(context, callee);
      if (ref?.kind !== 'path' || ref.root !== 'global') return false;
      const name = ref.path.join('.');
      if (name === 'String') return true;
      const [argument] = value.arguments;
      // JSON.stringify() of undefined or of a function is undefined.
      return name === 'JSON.stringify' && argument !== undefined && argument.type !== 'SpreadElement' && isData(context, argument, depth + 1);
    }
    default:
      return false;
  }
}

/** What `JSON.stringify` turns into a string: a non-null literal, a template, an object or array literal, or a `const` bound to one. */
function isData(context: AnyContext, node: TSESTree.Node, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = unwrapExpression(node);
  if (value.type === 'Identifier') {
    const init = constInitializer(context.sourceCode, value);
    return init !== undefined && isData(context, init, depth + 1);
  }
  return (value.type === 'Literal' && value.value !== null) || value.type === 'TemplateLiteral' || value.type === 'ObjectExpression' || value.type === 'ArrayExpression';
}

/** A URL, not a `Request` (whose own method a left-out `method` would keep): a string or `new URL(…)`. */
function isUrl(context: AnyContext, node: TSESTree.Node, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = unwrapExpression(node);
  switch (value.type) {
    case 'Literal':
      return typeof value.value === 'string';
    case 'TemplateLiteral':
      return true;
    case 'BinaryExpression':
      return value.operator === '+' && (typeof staticValue(context, value.left)?.value === 'string' || typeof staticValue(context, value.right)?.value === 'string');
    case 'NewExpression': {
      const ref = resolveRef(context, value.callee);
      return ref?.kind === 'path' && ref.root === 'global' && ref.path.join('.') === 'URL';
    }
    case 'Identifier': {
      const init = constInitializer(context.sourceCode, value);
      return init !== undefined && isUrl(context, init, depth + 1);
    }
    default:
      return false;
  }
}
