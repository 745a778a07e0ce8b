import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext, Scope } from '@typescript-eslint/utils/ts-eslint';

import type { ApiInfo, InstanceKind } from './api-catalog';
import { EVENT_PARAMS, kindsWithMemberName, LISTENER_METHODS, lookupGlobal, lookupInstanceMember, lookupModuleMember } from './api-catalog';
import type { ModuleId } from './modules';
import { forEachDescendant } from './descendants';
import { canonicalModule } from './modules';
import type { FunctionNode } from './syntax';
import { findVariable, isFunctionNode, patternPath, staticPropertyName, unwrapExpression } from './syntax';
import { getTypeServices, instanceKindFromType, programHasCallableKinds, someKindWithoutCallableLibraries } from './types';

type AnyContext = Readonly<RuleContext<string, readonly unknown[]>>;

/** How a value was recognised: worth showing in tests and debugging, never in messages. */
export type ResolvedVia = 'import' | 'require' | 'global' | 'type';

/**
 * What an expression refers to, as far as a single file can tell.
 * - `path`: a library export (or a global) and a member path below it: `undici.request`.
 * - `instance`: an object of a known kind and a member path below it; `origin` is the
 *   expression that created it (`axios.create({...})`), absent for default instances
 *   (the `axios` export itself) and for values recognised by parameter or type.
 */
export type Ref =
  | { kind: 'path'; root: ModuleId | 'global'; path: readonly string[]; via: ResolvedVia }
  | {
      kind: 'instance';
      instance: InstanceKind;
      origin: TSESTree.Node | undefined;
      /** The library that made the instance, when known (`axios` for `axios.create()`). */
      library: ModuleId | 'global' | undefined;
      path: readonly string[];
      /** The value is a promise of the instance (a call of an async API not yet awaited). */
      promise: boolean;
      via: ResolvedVia;
    };

export type InstanceRef = Extract<Ref, { kind: 'instance' }>;

/** A call or `new` whose callee resolved to a catalog entry, or to a member of a known instance. */
export interface ResolvedCall {
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The catalog entry; absent when the receiver is known but the member is not in the catalog. */
  api: ApiInfo | undefined;
  /** The library behind the call (`https` for `https.get`, `global` for global fetch). */
  root: ModuleId | 'global' | undefined;
  /** Set when the callee is reached through an instance (`client.get` → the `axios.create` call). */
  receiver: InstanceRef | undefined;
  via: ResolvedVia;
}

const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);
const MAX_DEPTH = 24;

/**
 * Methods whose receiver a rule reads even where the catalog has no entry for the call:
 * `x.setTimeout(0)` (no-disabled-timeout), `x.listen(…)` (no-small-listen-backlog),
 * `x.on('connection', …)` (require-heartbeat, callback parameters). A rule that starts reading
 * the receiver of another uncatalogued method must add it here, or typed receivers go unseen.
 */
const RECEIVER_METHODS_READ_BY_RULES: ReadonlySet<string> = new Set(['setTimeout', 'listen', ...LISTENER_METHODS]);

/**
 * Resolves an expression to what it refers to, following imports, `require`, the `node:`
 * prefix, renames, destructuring, `const`/`let` data flow with re-assignment, class fields,
 * callback parameters of known APIs, and finally the type checker when a program exists.
 * Never matches a bare name: a local function called `fetch` is not fetch. Returns
 * `undefined` when the file does not say.
 */
export function resolveRef(context: AnyContext, node: TSESTree.Node): Ref | undefined {
  return new Resolver(context, cacheFor(context), getTypeServices(context) !== undefined).expression(node, 0);
}

/**
 * `x.on('event', …)` and the other listener methods: a call that makes no request, client or
 * timer. Rules that resolve every call skip these, since resolving the receiver can cost a type
 * query; the rules that read listeners resolve them themselves.
 */
export function registersListener(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrapExpression(node.callee);
  return node.type === 'CallExpression' && callee.type === 'MemberExpression' && LISTENER_METHODS.has(staticPropertyName(callee) ?? '');
}

/** Resolves the callee of a call or `new` and looks it up in the catalog. */
export function resolveCall(context: AnyContext, node: TSESTree.CallExpression | TSESTree.NewExpression): ResolvedCall | undefined {
  const ref = resolveRef(context, node.callee);
  if (ref === undefined) return undefined;
  const api = describeRef(ref);
  if (ref.kind === 'path') {
    if (api === undefined) return undefined;
    return { node, api, root: ref.root, receiver: undefined, via: ref.via };
  }
  if (ref.promise) return undefined;
  return { node, api, root: ref.library, receiver: ref, via: ref.via };
}

/** The kind of object an expression holds (`const res = await fetch(u)` → `fetch-response`). */
export function resolveInstance(context: AnyContext, node: TSESTree.Node): InstanceRef | undefined {
  const ref = resolveRef(context, node);
  if (ref?.kind === 'instance' && ref.path.length === 0) return ref;
  return undefined;
}

/** The catalog entry a reference names, if any. */
export function describeRef(ref: Ref): ApiInfo | undefined {
  if (ref.kind === 'instance') return ref.promise ? undefined : lookupInstanceMember(ref.instance, ref.path);
  return ref.root === 'global' ? lookupGlobal(ref.path) : lookupModuleMember(ref.root, ref.path);
}

/**
 * One cache per file: the AST nodes are the keys, so nothing outlives the file being linted.
 * Answers without the type checker are kept apart: they may know less than the typed ones.
 */
interface FileCache {
  typed: Map<TSESTree.Node, Ref | undefined>;
  untyped: Map<TSESTree.Node, Ref | undefined>;
  callableKinds: boolean | undefined;
}
const caches = new WeakMap<object, FileCache>();
function cacheFor(context: AnyContext): FileCache {
  const key = context.sourceCode.ast;
  let cache = caches.get(key);
  if (cache === undefined) {
    cache = { typed: new Map(), untyped: new Map(), callableKinds: undefined };
    caches.set(key, cache);
  }
  return cache;
}

class Resolver {
  private readonly cache: Map<TSESTree.Node, Ref | undefined>;

  /** `typed`: the file has a program, so a step the syntax cannot resolve may ask the checker. */
  constructor(
    private readonly context: AnyContext,
    private readonly files: FileCache,
    private readonly typed: boolean,
  ) {
    this.cache = typed ? files.typed : files.untyped;
  }

  /** Every node is resolved once per file: rules and inner steps of other resolutions share the answer. */
  expression(raw: TSESTree.Node, depth: number): Ref | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (this.cache.has(raw)) return this.cache.get(raw);
    this.cache.set(raw, undefined); // cycle guard: `let a = b; let b = a;`
    const ref = this.compute(raw, depth);
    this.cache.set(raw, ref);
    return ref;
  }

  private compute(raw: TSESTree.Node, depth: number): Ref | undefined {
    const node = unwrapExpression(raw);
    switch (node.type) {
      case 'Identifier':
        return this.identifier(node, depth);
      case 'MemberExpression':
        return this.member(node, depth);
      case 'AwaitExpression':
        return this.awaited(node.argument, depth);
      case 'CallExpression':
      case 'NewExpression':
        return this.call(node, depth);
      case 'ImportExpression':
        return moduleRef(node.source, 'import');
      case 'ThisExpression':
        return undefined;
      default:
        return undefined;
    }
  }

  private identifier(node: TSESTree.Identifier, depth: number): Ref | undefined {
    const variable = findVariable(this.context.sourceCode.getScope(node), node);
    if (variable === undefined || variable.defs.length === 0) {
      // Unresolved (a global the config does not declare) or declared only by config/lib.
      if (GLOBAL_OBJECTS.has(node.name)) return { kind: 'path', root: 'global', path: [], via: 'global' };
      return withValueKind({ kind: 'path', root: 'global', path: [node.name], via: 'global' });
    }
    return this.variable(variable, depth) ?? (this.calleeTypeMatters(node) && !holdsPlainValue(variable) ? this.byType(node) : undefined);
  }

  private variable(variable: Scope.Variable, depth: number): Ref | undefined {
    if (variable.defs.length !== 1) return undefined;
    const def = variable.defs[0];
    if (def === undefined || def.name.type !== 'Identifier') return undefined;
    switch (def.type) {
      case 'ImportBinding':
        return importRef(def.node, def.parent);
      case 'Variable':
        return this.variableDefinition(variable, def.node, def.name, depth);
      case 'Parameter':
        return this.parameter(def.node, def.name, depth);
      default:
        return undefined;
    }
  }

  private variableDefinition(
    variable: Scope.Variable,
    declarator: TSESTree.VariableDeclarator,
    name: TSESTree.Identifier,
    depth: number,
  ): Ref | undefined {
    const path = patternPath(declarator.id, name);
    if (path === undefined) return undefined;
    // Every write must agree: `let f = fetch; if (x) f = other;` resolves to nothing.
    let result: Ref | undefined;
    for (const write of variable.references) {
      if (!write.isWrite()) continue;
      const ref = this.writtenValue(write, declarator, path, depth);
      if (ref === undefined || (result !== undefined && !sameRef(result, ref))) return undefined;
      result = ref;
    }
    return result;
  }

  /** The value one write stores: the declarator's initialiser or a plain `x = …`; nothing else. */
  private writtenValue(
    write: Scope.Reference,
    declarator: TSESTree.VariableDeclarator,
    path: readonly string[],
    depth: number,
  ): Ref | undefined {
    const identifier = write.identifier;
    if (identifier.type !== 'Identifier') return undefined;
    const parent = identifier.parent;
    if (write.init === true && declarator.init !== null && containsIdentifier(declarator.id, identifier)) {
      return this.withPath(this.expression(declarator.init, depth + 1), path);
    }
    if (parent.type === 'AssignmentExpression' && parent.operator === '=' && parent.left === identifier) {
      return this.expression(parent.right, depth + 1);
    }
    return undefined;
  }

  private parameter(fn: TSESTree.Node, name: TSESTree.Identifier, depth: number): Ref | undefined {
    if (!isFunctionNode(fn)) return undefined;
    const index = fn.params.findIndex((param) => containsIdentifier(param, name));
    const param = fn.params[index];
    if (param === undefined) return undefined;
    const path = patternPath(param, name);
    if (path === undefined) return undefined;
    const kind = this.callbackParameterKind(fn, index, depth);
    if (kind === undefined) return undefined;
    return { kind: 'instance', instance: kind, origin: undefined, library: undefined, path, promise: false, via: 'import' };
  }

  /** `http.get(url, res => …)`, `req.on('response', res => …)`, `fetch(u).then(res => …)`. */
  private callbackParameterKind(fn: FunctionNode, index: number, depth: number): InstanceKind | undefined {
    const call = fn.parent;
    if (call.type !== 'CallExpression' || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return undefined;
    const callee = unwrapExpression(call.callee);
    if (callee.type === 'MemberExpression') {
      const method = staticPropertyName(callee);
      if (method === 'then' && index === 0 && call.arguments[0] === fn) {
        const target = this.expression(callee.object, depth + 1);
        if (target?.kind === 'instance' && target.promise && target.path.length === 0) return target.instance;
        return undefined;
      }
      if (method !== undefined && LISTENER_METHODS.has(method)) {
        const event = call.arguments[0];
        const emitter = this.expression(callee.object, depth + 1);
        if (event?.type === 'Literal' && typeof event.value === 'string' && emitter?.kind === 'instance' && emitter.path.length === 0) {
          return EVENT_PARAMS[emitter.instance]?.[event.value]?.[index];
        }
        return undefined;
      }
    }
    const ref = this.expression(callee, depth + 1);
    const api = ref === undefined ? undefined : describeRef(ref);
    return api?.callbackParams?.[index];
  }

  private member(node: TSESTree.MemberExpression, depth: number): Ref | undefined {
    const name = staticPropertyName(node);
    if (name === undefined) return undefined;
    // The checker is the costly part of typed linting: for `x.name()` the types of `x` and of
    // `x.name` can only matter for a member some kind has, or whose receiver a rule reads.
    const typeMatters = !this.typed || RECEIVER_METHODS_READ_BY_RULES.has(name) || this.someTypedKindHas(name) || this.calleeTypeMatters(node);
    // The member's own type (asked when its object resolves to nothing) is a function's when it
    // is called, which only a callable kind can be.
    const ownTypeMatters = typeMatters && this.calleeTypeMatters(node);
    if (node.object.type === 'ThisExpression') return this.thisMember(node, name, depth) ?? (ownTypeMatters ? this.byType(node) : undefined);
    // Without types the object resolves to the same answer as with them, or to nothing where
    // only its type would have told: then `x.name` is an uncatalogued member all the same.
    const object = (typeMatters ? this : this.withoutTypes()).expression(node.object, depth + 1);
    if (object === undefined) return ownTypeMatters ? this.byType(node) : undefined;
    if (object.kind === 'path' && object.root === 'global' && object.path.length === 0) {
      // globalThis.fetch, window.fetch
      return withValueKind({ kind: 'path', root: 'global', path: [name], via: 'global' });
    }
    if (object.kind === 'instance' && object.promise) return undefined;
    return this.withPath(object, [name]);
  }

  /** `this.client` in a class whose field or constructor assigns `this.client = axios.create()`. */
  private thisMember(node: TSESTree.MemberExpression, name: string, depth: number): Ref | undefined {
    const classBody = enclosingClassBody(node);
    if (classBody === undefined) return undefined;
    const sources = classFieldSources(this.context.sourceCode, classBody, name);
    let result: Ref | undefined;
    for (const source of sources) {
      const ref = this.expression(source, depth + 1);
      if (ref === undefined || (result !== undefined && !sameRef(result, ref))) return undefined;
      result = ref;
    }
    return result;
  }

  private awaited(argument: TSESTree.Node, depth: number): Ref | undefined {
    const ref = this.expression(argument, depth + 1);
    if (ref?.kind === 'instance' && ref.promise) return { ...ref, promise: false };
    return ref;
  }

  private call(node: TSESTree.CallExpression | TSESTree.NewExpression, depth: number): Ref | undefined {
    const callee = unwrapExpression(node.callee);
    if (node.type === 'CallExpression' && callee.type === 'Identifier') {
      const required = this.requireCall(node, callee);
      if (required !== undefined) return required;
    }
    const target = this.expression(callee, depth + 1);
    if (target === undefined) return this.byType(node);
    const api = describeRef(target);
    if (api?.returns === undefined) return this.byType(node);
    const library = target.kind === 'path' ? target.root : target.library;
    return { kind: 'instance', instance: api.returns, origin: node, library, path: [], promise: api.async === true, via: target.via };
  }

  /** `require('undici')`, `process.getBuiltinModule('node:http')`, with `require` not shadowed. */
  private requireCall(node: TSESTree.CallExpression, callee: TSESTree.Identifier): Ref | undefined {
    if (callee.name !== 'require') return undefined;
    const variable = findVariable(this.context.sourceCode.getScope(callee), callee);
    if (variable !== undefined && variable.defs.length > 0) return undefined;
    const [source] = node.arguments;
    return source === undefined ? undefined : moduleRef(source, 'require');
  }

  private withPath(ref: Ref | undefined, path: readonly string[]): Ref | undefined {
    if (ref === undefined || path.length === 0) return ref;
    if (ref.kind === 'instance') {
      if (ref.promise) return undefined;
      return { ...ref, path: [...ref.path, ...path] };
    }
    return withValueKind({ ...ref, path: [...ref.path, ...path] });
  }

  /**
   * Whether the checker may be asked about `node`: always, unless it is the callee of a call
   * and the program has no callable kinds (then its type cannot give the call a catalog entry),
   * or the callee of `new` (a constructor's type is no instance kind; the `new` expression's
   * own type is asked instead).
   */
  private calleeTypeMatters(node: TSESTree.Node): boolean {
    if (!this.typed) return true;
    if (isConstructed(node)) return false;
    return !isCallee(node) || this.callableKinds();
  }

  /** Whether a kind with a member `name` can come from a type in this program (`get`: only with axios, got or ky). */
  private someTypedKindHas(name: string): boolean {
    const kinds = kindsWithMemberName(name);
    if (kinds.size === 0) return false;
    return someKindWithoutCallableLibraries(kinds) || this.callableKinds();
  }

  private callableKinds(): boolean {
    this.files.callableKinds ??= programHasCallableKinds(this.context);
    return this.files.callableKinds;
  }

  private withoutTypes(): Resolver {
    return this.typed ? new Resolver(this.context, this.files, false) : this;
  }

  private byType(node: TSESTree.Node): Ref | undefined {
    if (!this.typed) return undefined;
    const kind = instanceKindFromType(this.context, node);
    if (kind === undefined) return undefined;
    return { kind: 'instance', instance: kind.instance, origin: undefined, library: undefined, path: [], promise: kind.promise, via: 'type' };
  }
}

/**
 * A path that names a value of a known kind becomes an instance reference:
 * the `axios` default export behaves as an axios instance, `process.stdout` as a writable.
 */
function withValueKind(ref: Extract<Ref, { kind: 'path' }>): Ref {
  const api = describeRef(ref);
  if (api?.value === undefined) return ref;
  return { kind: 'instance', instance: api.value, origin: undefined, library: ref.root, path: [], promise: false, via: ref.via };
}

function moduleRef(source: TSESTree.Node, via: ResolvedVia): Ref | undefined {
  const specifier = staticString(source);
  if (specifier === undefined) return undefined;
  const canonical = canonicalModule(specifier);
  if (canonical === undefined) return undefined;
  return withValueKind({ kind: 'path', root: canonical.module, path: canonical.basePath, via });
}

function importRef(specifier: TSESTree.Node, declaration: TSESTree.Node | null): Ref | undefined {
  // TypeScript's `import net = require('node:net')`
  if (specifier.type === 'TSImportEqualsDeclaration') {
    const reference = specifier.moduleReference;
    if (specifier.importKind === 'type' || reference.type !== 'TSExternalModuleReference') return undefined;
    return moduleRef(reference.expression, 'require');
  }
  if (declaration?.type !== 'ImportDeclaration') return undefined;
  if (declaration.importKind === 'type') return undefined;
  const canonical = canonicalModule(declaration.source.value);
  if (canonical === undefined) return undefined;
  const base = canonical.basePath;
  let path: readonly string[];
  switch (specifier.type) {
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
      // The default export and the namespace both stand for the module's main export: for
      // CommonJS libraries (axios, undici, node builtins) `default` *is* `module.exports`.
      path = base;
      break;
    case 'ImportSpecifier': {
      if (specifier.importKind === 'type') return undefined;
      const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
      path = imported === 'default' ? base : [...base, imported];
      break;
    }
    default:
      return undefined;
  }
  return withValueKind({ kind: 'path', root: canonical.module, path, via: 'import' });
}

function staticString(node: TSESTree.Node): string | undefined {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function sameRef(a: Ref, b: Ref): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'path' && b.kind === 'path') return a.root === b.root && a.path.join('.') === b.path.join('.');
  if (a.kind === 'instance' && b.kind === 'instance') {
    return a.instance === b.instance && a.path.join('.') === b.path.join('.') && a.promise === b.promise && a.origin === b.origin;
  }
  return false;
}

/** `f()`, `a.b()`, `a.b!()`, `(a.b as F)()`: the node is what a call calls (not `new`). */
function isCallee(node: TSESTree.Node): boolean {
  let current = node;
  while (WRAPPERS.has(current.parent?.type ?? '')) current = current.parent as TSESTree.Node;
  const parent = current.parent;
  return parent?.type === 'CallExpression' && parent.callee === current;
}
/** Values whose type is never an instance kind: arrays, object literals, literals, functions and classes. */
const PLAIN_VALUES: ReadonlySet<string> = new Set([
  'ArrayExpression',
  'ObjectExpression',
  'Literal',
  'TemplateLiteral',
  'ArrowFunctionExpression',
  'FunctionExpression',
  'ClassExpression',
]);

/**
 * A function or class declaration, or a variable never written after an unannotated initializer
 * that is a plain value (`const chunks = []`): asking the checker about it cannot find a kind.
 * Typed linting asked about every array a loop pushes to.
 */
function holdsPlainValue(variable: Scope.Variable): boolean {
  if (variable.defs.length !== 1) return false;
  const def = variable.defs[0];
  if (def?.type === 'FunctionName' || def?.type === 'ClassName') return true;
  if (def?.type !== 'Variable' || def.node.id !== def.name || def.node.id.typeAnnotation !== undefined) return false;
  const init = def.node.init;
  if (init == null || !PLAIN_VALUES.has(init.type)) return false;
  return variable.references.every((reference) => !reference.isWrite() || reference.init === true);
}

function isConstructed(node: TSESTree.Node): boolean {
  let current = node;
  while (WRAPPERS.has(current.parent?.type ?? '')) current = current.parent as TSESTree.Node;
  const parent = current.parent;
  return parent?.type === 'NewExpression' && parent.callee === current;
}
const WRAPPERS: ReadonlySet<string> = new Set(['TSNonNullExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'TSInstantiationExpression']);

function containsIdentifier(pattern: TSESTree.Node, name: TSESTree.Identifier): boolean {
  return pattern.range[0] <= name.range[0] && name.range[1] <= pattern.range[1];
}

function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  // `this` inside an arrow function still means the method's `this`; a nested ordinary function resets it.
  // ESLint sets `Program.parent` to null, not undefined: test for both.
  let current: TSESTree.Node | null | undefined = node.parent;
  while (current != null) {
    if (current.type === 'FunctionExpression' || current.type === 'FunctionDeclaration') {
      const owner = current.parent;
      return owner.type === 'MethodDefinition' ? owner.parent : undefined;
    }
    if (current.type === 'PropertyDefinition') return current.parent;
    current = current.parent;
  }
  return undefined;
}

const fieldSourceCache = new WeakMap<TSESTree.ClassBody, Map<string, TSESTree.Expression[]>>();

/** Every expression assigned to `this.<name>`: the field initialiser and `this.<name> = …` in methods. */
function classFieldSources(sourceCode: AnyContext['sourceCode'], body: TSESTree.ClassBody, name: string): readonly TSESTree.Expression[] {
  let byName = fieldSourceCache.get(body);
  if (byName === undefined) {
    byName = new Map();
    collectFieldSources(sourceCode, body, byName);
    fieldSourceCache.set(body, byName);
  }
  return byName.get(name) ?? [];
}

function collectFieldSources(sourceCode: AnyContext['sourceCode'], body: TSESTree.ClassBody, out: Map<string, TSESTree.Expression[]>): void {
  const add = (name: string, source: TSESTree.Expression): void => {
    const list = out.get(name) ?? [];
    list.push(source);
    out.set(name, list);
  };
  for (const member of body.body) {
    if (member.type === 'PropertyDefinition' && !member.static && !member.computed && member.key.type === 'Identifier' && member.value) {
      add(member.key.name, member.value);
    }
    if (member.type === 'MethodDefinition' && member.value.body) {
      // `this.x = …` in methods; a nested ordinary function or class has its own `this`.
      forEachDescendant(sourceCode, member.value.body, (node) => {
        if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ClassBody') return 'skip';
        if (node.type === 'AssignmentExpression' && node.operator === '=' && node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression') {
          const field = staticPropertyName(node.left);
          if (field !== undefined) add(field, node.right);
        }
        return undefined;
      });
    }
  }
}
