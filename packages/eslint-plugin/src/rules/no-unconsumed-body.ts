// The restic REST-backend lesson in DESIGN.md, and its JS form: non-2xx responses thrown
// without reading the body (proconnect-gouv/proconnect-identite#1904), bodies never read
// (node-fetch/node-fetch#83, nodejs/node#51162, vercel/next.js#43493), node:http responses
// never resumed (milankinen/livereactload#11).
import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext, RuleFix, RuleFixer, RuleListener, Scope } from '@typescript-eslint/utils/ts-eslint';

import { LISTENER_METHODS } from '../analysis/api-catalog';
import type { Condition, ExitStatement, FunctionPaths, PathPoint } from '../analysis/code-paths';
import { CodePathTracker, conditionsLeadingTo, describeConditions, exitKeyword, mergeListeners } from '../analysis/code-paths';
import { rejectsBeforeSending } from '../analysis/fetch-rejections';
import type { FileGate } from '../analysis/file-gate';
import { mayReach, mentions } from '../analysis/file-gate';
import { propertyValue, readOptionsObject } from '../analysis/object-options';
import { handOff, isNonConsumingCallee } from '../analysis/ownership';
import { resolveCall, resolveInstance, resolveRef } from '../analysis/resolve';
import { staticValue } from '../analysis/static-value';
import type { FunctionNode } from '../analysis/syntax';
import { findVariable, isFunctionNode, skipWrappersUpward, staticKeyName, staticPropertyName, unwrapExpression } from '../analysis/syntax';
import { getTypeServices, instanceKindFromType, programHasLibrary } from '../analysis/types';
import { canInsertBeforeStatement, insertAfterStatement, insertBeforeStatement, isInStatementList } from '../fixes/insert-before-statement';
import { createRule } from '../util/create-rule';

export type Options = [
  {
    checkDiscarded: boolean;
    checkNodeHttp: boolean;
    consumers: string[];
    ignoreParameters: boolean;
    checkImplicitThrows: boolean;
  },
];
export type MessageId =
  | 'neverConsumed'
  | 'unconsumedWhen'
  | 'unconsumedAtExit'
  | 'notConsumedOnEveryPath'
  | 'discarded'
  | 'releaseBeforeExit'
  | 'releaseAfterBinding'
  | 'releaseDiscarded';

type Context = Readonly<RuleContext<MessageId, Options>>;

/**
 * Which client made the value: it decides what consumes it and how to release it.
 * `fetch`: a WHATWG `Response` (global fetch, undici's, node-fetch, ky); `undici`: the
 * `ResponseData` of `undici.request`; `http`: a node:http `IncomingMessage`; `axios`: an axios
 * response with `responseType: 'stream'`; `got`: a `got.stream()` duplex.
 */
type Library = 'fetch' | 'undici' | 'http' | 'axios' | 'got';
/** `response`: an object whose body is a member (`res.body`, `res.data`); `stream`: the body itself. */
type Shape = 'response' | 'stream';

interface Kind {
  library: Library;
  shape: Shape;
}

/** A response (or body) that must be read, released or handed on on every path from where it is bound. */
interface Obligation extends Kind {
  id: TSESTree.Identifier;
  paths: FunctionPaths;
  start: PathPoint;
  /** The uses that read, release or hand on the value. */
  handled: TSESTree.Node[];
  /** The statement a "release it right away" suggestion goes after (undefined for parameters). */
  statement: TSESTree.Node | undefined;
  /** For a node:http response: the variable holding the request it answers (see `releasesRequest`). */
  request?: Scope.Variable;
}

interface PendingBinding extends Kind {
  id: TSESTree.Identifier;
  statement: TSESTree.Node | undefined;
}

type Binding = TSESTree.VariableDeclarator | TSESTree.AssignmentExpression;

/** A function parameter that receives a response; `request` holds the node:http request it answers. */
interface FoundParameter {
  kind: Kind;
  source: TSESTree.Node;
  byType: boolean;
  request?: Scope.Variable | undefined;
}

/** The member that holds the body, per library (`res.body`, `res.data`). */
const BODY_KEY: Readonly<Record<Library, string>> = { fetch: 'body', undici: 'body', axios: 'data', http: '', got: '' };
/** fetch/undici bodies are null for these statuses (undici `lib/web/fetch/index.js`). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 204, 205, 304]);
const BODYLESS_METHODS: ReadonlySet<string> = new Set(['HEAD', 'CONNECT']);
const RESPONSE_READERS: ReadonlySet<string> = new Set(['text', 'json', 'arrayBuffer', 'blob', 'formData', 'bytes']);
/** Members of a `Response`, undici `ResponseData` or axios response that never touch the body. */
const RESPONSE_METADATA: ReadonlySet<string> = new Set([
  'status',
  'statusText',
  'ok',
  'headers',
  'url',
  'redirected',
  'type',
  'bodyUsed',
  'statusCode',
  'trailers',
  'opaque',
  'context',
  'config',
  'request',
]);
/** Stream methods that return the stream itself without reading or releasing it. */
const CHAINABLE_STREAM_METHODS: ReadonlySet<string> = new Set(['setEncoding', 'pause', 'setTimeout', 'removeListener', 'off', 'removeAllListeners']);
/** Stream methods that neither read nor release the data, nor return the stream. */
const NEUTRAL_STREAM_METHODS: ReadonlySet<string> = new Set(['isPaused', 'listenerCount', 'listeners', 'eventNames', 'getMaxListeners', 'setMaxListeners', 'emit']);
/** Listeners that make a Node stream flow. */
const FLOWING_EVENTS: ReadonlySet<string> = new Set(['data', 'readable']);
/** Members of a stream whose use we cannot follow (the socket can be destroyed through them). */
const OPAQUE_STREAM_MEMBERS: ReadonlySet<string> = new Set(['socket', 'connection', 'req']);
/** `ClientRequest` methods that also release its response: `destroy()` dumps `this.res` (Node `lib/_http_client.js`). */
const REQUEST_RELEASERS: ReadonlySet<string> = new Set(['abort', 'destroy']);
/** Kinds a value typed as a promise of them has when a project helper returns it. */
/**
 * Where untyped responses come from: global `fetch`, the fetch-like libraries, undici's
 * `request`, axios, `got.stream()`, and node:http's `get`/`request` (their callbacks and
 * `'response'` listeners).
 */
const RESPONSE_SOURCES: FileGate = { modules: ['http', 'https', 'undici', 'node-fetch', 'axios', 'got', 'ky'], globals: ['fetch'] };
const GOT_SOURCES: FileGate = { modules: ['got'], globals: [] };
const TYPED_SOURCES: Readonly<Partial<Record<string, Kind>>> = {
  'fetch-response': { library: 'fetch', shape: 'response' },
  'undici-response-data': { library: 'undici', shape: 'response' },
  'incoming-message': { library: 'http', shape: 'stream' },
};

export default createRule<Options, MessageId>({
  name: 'no-unconsumed-body',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every HTTP response body to be read, cancelled or handed on on every path, so that its connection returns to the pool',
      family: 'bodies',
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
          checkDiscarded: {
            type: 'boolean',
            description:
              'Report responses that are dropped without being kept at all: `await fetch(url);`, `(await fetch(url)).ok`, a `.then()` callback that ignores its response.',
          },
          checkNodeHttp: {
            type: 'boolean',
            description: "Check the responses handed to `http.get`/`http.request` callbacks and `request.on('response')` listeners.",
          },
          consumers: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Names of project functions that read or cancel a response passed to them (`assertOk`): a call of one consumes the response, even where a call would otherwise not hand it on (`if (!assertOk(res))`).',
          },
          ignoreParameters: {
            type: 'boolean',
            description:
              'Leave function parameters typed as a response to the caller. Set to `false` to check them too (needs type information).',
          },
          checkImplicitThrows: {
            type: 'boolean',
            description:
              'Also follow exceptions the code does not throw itself, from inside a `try` block into its `catch` or `finally`.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      neverConsumed:
        'The body of `{{name}}` is never read or cancelled: an unread body keeps its connection busy, so the pool stalls under load (garbage collection is no guarantee). Read it, or release it with `{{remedy}}`.',
      unconsumedWhen:
        'The body of `{{name}}` is not read or cancelled {{when}}: this `{{exit}}` leaves with its connection still busy. Release it first with `{{remedy}}`.',
      unconsumedAtExit:
        'The body of `{{name}}` is still unread when this `{{exit}}` leaves, so its connection stays busy. Release it first with `{{remedy}}`.',
      notConsumedOnEveryPath:
        'The body of `{{name}}` is read on some paths but not on all of them; on the others its connection stays busy. Read it or release it with `{{remedy}}` on every path.',
      discarded:
        'This response is dropped with its body unread, which keeps its connection busy. Keep it and read the body, or release it with `{{remedy}}`.',
      releaseBeforeExit: 'Release the body before the `{{exit}}`.',
      releaseAfterBinding: 'Release the body right after the response arrives.',
      releaseDiscarded: 'Release the dropped body.',
    },
  },
  defaultOptions: [{ checkDiscarded: true, checkNodeHttp: true, consumers: [], ignoreParameters: true, checkImplicitThrows: false }],
  create(context, [options]) {
    // Most files make no request: skip them before any listener runs (code-path events included).
    if (!mayReach(context, RESPONSE_SOURCES)) return {};
    // got streams come from the got module only, imported or typed: without either, skip the
    // resolution of every method call (a type query each, with types).
    const mayMakeGotStreams = mentions(context, GOT_SOURCES) || programHasLibrary(context, 'got');
    const { sourceCode } = context;
    const ownership = { consumers: new Set(options.consumers) };
    const obligations = new Map<FunctionPaths, Obligation[]>();
    /** Read references of tracked variables → their obligation. */
    const watched = new Map<TSESTree.Node, Obligation>();
    const pendingBindings = new Map<Binding, PendingBinding[]>();
    /** node:http obligations whose request is known: calls that release the request release them. */
    const requestBound: Obligation[] = [];
    const tracker = new CodePathTracker({ onStart: startFunction, onEnd: analyse });

    // ---- tracking ------------------------------------------------------------------------------

    /** Starts tracking `pending.id` in the current function, at the current position or at its entry. */
    function track(pending: PendingBinding, atEntry: boolean): Obligation | undefined {
      const paths = tracker.current();
      if (paths === undefined) return undefined;
      const variable = declaredVariable(context, pending.id);
      if (variable === undefined || !isTrackable(variable, pending.id)) return undefined;
      const obligation: Obligation = { ...pending, paths, start: paths.entry(), handled: [] };
      if (!atEntry) obligation.start = paths.mark(obligation, 'restart');
      const list = obligations.get(paths) ?? [];
      list.push(obligation);
      obligations.set(paths, list);
      for (const reference of variable.references) {
        if (reference.isRead() && !reference.isWrite()) watched.set(reference.identifier, obligation);
      }
      return obligation;
    }

    function addPending(binding: Binding, pending: PendingBinding): void {
      const list = pendingBindings.get(binding) ?? [];
      list.push(pending);
      pendingBindings.set(binding, list);
    }

    function finishBinding(node: Binding): void {
      const pending = pendingBindings.get(node);
      if (pending === undefined) return;
      pendingBindings.delete(node);
      for (const binding of pending) track(binding, false);
    }

    /** What the program does with the value of a source expression (`await fetch(u)`, `res.clone()`, `got.stream(u)`). */
    function placeSource(value: TSESTree.Node, call: TSESTree.Node, kind: Kind, byType: boolean): void {
      const use = skipWrappersUpward(value);
      const parent = use.parent;
      if (parent === undefined) return;
      switch (parent.type) {
        case 'ExpressionStatement':
          if (!byType) reportDiscarded(call, kind.library, use.type === 'AwaitExpression' ? use : undefined);
          return;
        case 'VariableDeclarator':
          if (parent.init === use && parent.parent.parent.type !== 'ExportNamedDeclaration') {
            bindPattern(parent, parent.id, call, kind, statementOf(parent), byType);
          }
          return;
        case 'AssignmentExpression':
          if (parent.right === use && parent.operator === '=' && parent.left.type === 'Identifier' && parent.parent.type === 'ExpressionStatement') {
            addPending(parent, { ...kind, id: parent.left, statement: parent.parent });
          }
          return;
        case 'MemberExpression':
          if (!byType && parent.object === use && classifyUse(use, kind) === 'none') reportDiscarded(call, kind.library);
          return;
        default:
          return;
      }
    }

    /** `const res = await …` or `res = await …;`: the uses `placeSource` tracks for a source known by type. */
    function bindsToName(value: TSESTree.Node): boolean {
      const use = skipWrappersUpward(value);
      const parent = use.parent;
      if (parent?.type === 'VariableDeclarator') return parent.init === use;
      return parent?.type === 'AssignmentExpression' && parent.right === use && parent.parent.type === 'ExpressionStatement';
    }

    /** `const res = …`, `const { body } = …` (the body is tracked), `const { status } = …` (dropped). */
    function bindPattern(
      binding: TSESTree.VariableDeclarator,
      pattern: TSESTree.Node,
      call: TSESTree.Node,
      kind: Kind,
      statement: TSESTree.Node | undefined,
      byType: boolean,
    ): void {
      const target = pattern.type === 'AssignmentPattern' ? pattern.left : pattern;
      if (target.type === 'Identifier') {
        addPending(binding, { ...kind, id: target, statement });
        return;
      }
      if (target.type !== 'ObjectPattern' || kind.shape !== 'response') return;
      const body = destructuredBody(target, kind.library);
      if (body === 'dropped') {
        if (!byType) reportDiscarded(call, kind.library);
      } else if (body !== undefined) {
        addPending(binding, { library: kind.library, shape: 'stream', id: body, statement });
      }
    }

    // ---- what one use of a tracked value does ------------------------------------------------------

    function classifyUse(node: TSESTree.Node, kind: Kind): 'handled' | 'none' {
      const use = skipWrappersUpward(node);
      const parent = use.parent;
      if (parent === undefined) return 'handled';
      if (parent.type === 'MemberExpression' && parent.object === use) return classifyMember(parent, kind);
      if (parent.type === 'VariableDeclarator' && parent.init === use && parent.id.type === 'ObjectPattern' && kind.shape === 'response') {
        return destructuredBody(parent.id, kind.library) === 'dropped' ? 'none' : 'handled';
      }
      // `for await (const chunk of body)` reads a stream; `for (… of res)` hands a response to the iterator.
      return handOff(context, use, ownership) === undefined ? 'none' : 'handled';
    }

    function classifyMember(member: TSESTree.MemberExpression, kind: Kind): 'handled' | 'none' {
      const name = staticPropertyName(member);
      if (name === undefined) return 'handled';
      const call = calledMember(member);
      if (kind.shape === 'response') {
        if (name === BODY_KEY[kind.library]) return classifyUse(member, { library: kind.library, shape: 'stream' });
        if (call === undefined) return 'none';
        if (kind.library === 'fetch' && RESPONSE_READERS.has(name)) return 'handled';
        if (kind.library === 'fetch' && name === 'clone') return 'none';
        return RESPONSE_METADATA.has(name) ? 'none' : 'handled';
      }
      if (call === undefined) return OPAQUE_STREAM_MEMBERS.has(name) ? 'handled' : 'none';
      if (NEUTRAL_STREAM_METHODS.has(name)) return 'none';
      if (CHAINABLE_STREAM_METHODS.has(name)) return classifyUse(call, kind);
      if (LISTENER_METHODS.has(name)) {
        const event = call.arguments[0];
        if (event?.type !== 'Literal' || typeof event.value !== 'string') return 'handled';
        // `on()` returns the stream: `s.on('error', h).pipe(dest)` goes on along the chain.
        return FLOWING_EVENTS.has(event.value) ? 'handled' : classifyUse(call, kind);
      }
      // read(), resume(), pipe(), dump(), destroy(), text(), cancel(), getReader(), pipeTo(), …
      return 'handled';
    }

    // ---- sources -------------------------------------------------------------------------------------

    /**
     * The kind of response a call produces, when the call is a network request (or a clone) we
     * track; by its type too unless `askTypes` is false (where such a source would not be tracked).
     */
    function sourceOf(node: TSESTree.Node, askTypes = true): { kind: Kind; byType: boolean } | undefined {
      const call = unwrapExpression(node);
      if (call.type !== 'CallExpression') return undefined;
      const api = resolveCall(context, call)?.api;
      if (api !== undefined) {
        const kind = sourceFromApi(call, api.id, api.returns, api.async === true);
        return kind === undefined ? undefined : { kind, byType: false };
      }
      if (!askTypes) return undefined;
      const kind = sourceFromType(call);
      return kind === undefined ? undefined : { kind, byType: true };
    }

    function sourceFromApi(call: TSESTree.CallExpression, id: string, returns: string | undefined, async: boolean): Kind | undefined {
      if (id === 'response.clone') return { library: 'fetch', shape: 'response' };
      if (!async) return undefined;
      switch (returns) {
        case 'fetch-response':
          // A HEAD or CONNECT fetch has a null body (undici `lib/web/fetch/index.js`); a GET with a
          // body never gets a response at all.
          return id === 'ky.head' || hasBodylessMethod(call) || (id === 'fetch' && rejectsBeforeSending(context, call))
            ? undefined
            : { library: 'fetch', shape: 'response' };
        case 'undici-response-data':
          // Not for undici.request: its body is a Readable even when empty (Dispatcher.md).
          return { library: 'undici', shape: 'response' };
        case 'axios-response':
          return asksForStream(call) ? { library: 'axios', shape: 'response' } : undefined;
        default:
          return undefined;
      }
    }

    /**
     * With types, a project helper typed `Promise<Response>` (or of undici's `ResponseData`, or
     * an `IncomingMessage`) returns a response that is ours to consume. A helper that is given a
     * response (`await assertOk(res)`) most likely returns that same response: not a new one.
     */
    function sourceFromType(call: TSESTree.CallExpression): Kind | undefined {
      if (getTypeServices(context) === undefined) return undefined;
      const typed = instanceKindFromType(context, call);
      const kind = typed?.promise === true ? TYPED_SOURCES[typed.instance] : undefined;
      if (kind === undefined) return undefined;
      const callee = resolveRef(context, call.callee);
      if (callee?.kind === 'path' && callee.root === 'global' && callee.path[0] === 'caches') return undefined;
      if (call.arguments.some((argument) => watched.has(unwrapExpression(argument)) || isTypedResponse(argument))) return undefined;
      return kind;
    }

    function isTypedResponse(node: TSESTree.Node): boolean {
      const typed = instanceKindFromType(context, node);
      return typed !== undefined && !typed.promise && TYPED_SOURCES[typed.instance] !== undefined;
    }

    function hasBodylessMethod(call: TSESTree.CallExpression): boolean {
      return call.arguments.slice(0, 2).some((argument) => {
        const method = methodOf(argument);
        const value = method === undefined ? undefined : staticValue(context, method)?.value;
        return typeof value === 'string' && BODYLESS_METHODS.has(value.toUpperCase());
      });
    }

    /**
     * The `method` of a request options argument: the last static `method` key of an object
     * literal after its spreads (`{ ...defaults(), method: 'HEAD' }` is a HEAD whatever the
     * spread holds), or the key of a fully known options object.
     */
    function methodOf(argument: TSESTree.Node): TSESTree.Node | undefined {
      const value = unwrapExpression(argument);
      if (value.type === 'ObjectExpression') {
        for (const property of [...value.properties].reverse()) {
          if (property.type === 'SpreadElement') break;
          if (staticKeyName(property) === 'method') return property.kind === 'init' ? unwrapExpression(property.value) : undefined;
        }
      }
      return propertyValue(readOptionsObject(context, argument), 'method');
    }

    /** axios with `responseType: 'stream'` in a config object argument: `response.data` is the IncomingMessage. */
    function asksForStream(call: TSESTree.CallExpression): boolean {
      return call.arguments.some((argument) => {
        const responseType = propertyValue(readOptionsObject(context, argument), 'responseType');
        return responseType !== undefined && staticValue(context, responseType)?.value === 'stream';
      });
    }

    /** `const [a, b] = await Promise.all([fetch(x), fetch(y)])`. */
    function placePromiseAll(awaited: TSESTree.AwaitExpression, call: TSESTree.CallExpression): void {
      const list = call.arguments[0];
      if (list?.type !== 'ArrayExpression') return;
      const use = skipWrappersUpward(awaited);
      const declarator = use.parent;
      if (declarator?.type !== 'VariableDeclarator' || declarator.init !== use || declarator.id.type !== 'ArrayPattern') return;
      const pattern = declarator.id;
      if (pattern.elements.some((element) => element?.type === 'RestElement')) return;
      list.elements.forEach((element, index) => {
        if (element === null || element.type === 'SpreadElement') return;
        const source = sourceOf(element);
        if (source === undefined) return;
        const target = pattern.elements[index];
        if (target === undefined || target === null) {
          if (!source.byType) reportDiscarded(element, source.kind.library);
        } else {
          bindPattern(declarator, target, element, source.kind, statementOf(declarator), source.byType);
        }
      });
    }

    /** A function receiving a response: `fetch(u).then(res => …)`, `http.get(u, res => …)`, `req.on('response', res => …)`. */
    function responseParameter(fn: TSESTree.Node): FoundParameter | undefined {
      if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') return undefined;
      const call = fn.parent;
      if (call.type !== 'CallExpression') return undefined;
      const callee = unwrapExpression(call.callee);
      const http = { kind: { library: 'http', shape: 'stream' } as const, source: call, byType: false };
      if (callee.type === 'MemberExpression') {
        const method = staticPropertyName(callee);
        if (method === 'then' && call.arguments[0] === fn) {
          const source = sourceOf(callee.object);
          return source === undefined ? undefined : { ...source, source: unwrapExpression(callee.object) };
        }
        if (!options.checkNodeHttp) return undefined;
        if (method !== undefined && LISTENER_METHODS.has(method) && call.arguments[1] === fn) {
          const event = call.arguments[0];
          if (event?.type !== 'Literal' || event.value !== 'response') return undefined;
          if (resolveInstance(context, callee.object)?.instance !== 'client-request') return undefined;
          return { ...http, request: requestVariable(callee.object) };
        }
      }
      if (!options.checkNodeHttp || call.arguments.at(-1) !== fn) return undefined;
      const id = resolveCall(context, call)?.api?.id;
      if (id !== 'http.get' && id !== 'http.request') return undefined;
      // `const req = http.get(url, (res) => …)`: the request is what the call returns.
      const use = skipWrappersUpward(call);
      const holder = use.parent?.type === 'VariableDeclarator' && use.parent.init === use ? use.parent.id : use.parent?.type === 'AssignmentExpression' ? use.parent.left : undefined;
      return { ...http, request: holder === undefined ? undefined : requestVariable(holder) };
    }

    function requestVariable(node: TSESTree.Node): Scope.Variable | undefined {
      const request = unwrapExpression(node);
      return request.type === 'Identifier' ? findVariable(sourceCode.getScope(request), request) : undefined;
    }

    /**
     * Whether `call` releases the response of `request`: `req.abort()`/`req.destroy()`, a call of a
     * function of this file that does that (`fail(err)` with `const fail = (e) => { …; req.abort(); }`,
     * nodemailer `fetch/index.js`; node-fetch's `finalize()`), or handing the request to a
     * function, which then owns both (`abortHandshake(websocket, req, message)`, ws).
     */
    function releasesRequest(call: TSESTree.CallExpression, request: Scope.Variable): boolean {
      const isRequest = (node: TSESTree.Node): boolean => {
        const value = unwrapExpression(node);
        return value.type === 'Identifier' && request.references.some((reference) => reference.identifier === value);
      };
      const callee = unwrapExpression(call.callee);
      if (callee.type === 'MemberExpression' && isRequest(callee.object)) return REQUEST_RELEASERS.has(staticPropertyName(callee) ?? '');
      if (call.arguments.some(isRequest)) return !isNonConsumingCallee(context, callee);
      if (callee.type !== 'Identifier') return false;
      const fn = localFunction(callee);
      return (
        fn !== undefined &&
        request.references.some(({ identifier }) => fn.range[0] <= identifier.range[0] && identifier.range[1] <= fn.range[1] && isReleasingUse(identifier))
      );
    }

    function localFunction(callee: TSESTree.Identifier): TSESTree.Node | undefined {
      const definition = findVariable(sourceCode.getScope(callee), callee)?.defs[0];
      if (definition?.node.type === 'FunctionDeclaration') return definition.node;
      if (definition?.node.type !== 'VariableDeclarator' || definition.node.init === null) return undefined;
      const init = unwrapExpression(definition.node.init);
      return isFunctionNode(init) ? init : undefined;
    }

    function isReleasingUse(identifier: TSESTree.Node): boolean {
      const member = identifier.parent;
      return (
        member?.type === 'MemberExpression' &&
        member.object === identifier &&
        REQUEST_RELEASERS.has(staticPropertyName(member) ?? '') &&
        calledMember(member) !== undefined
      );
    }

    function startFunction(paths: FunctionPaths): void {
      const fn = paths.node;
      if (!isFunctionNode(fn)) return;
      const found = responseParameter(fn);
      if (found !== undefined) {
        trackParameter(fn, found);
        return;
      }
      if (!options.ignoreParameters) trackTypedParameters(fn);
    }

    function trackParameter(fn: FunctionNode, found: FoundParameter): void {
      const [param] = fn.params;
      const { kind } = found;
      if (param === undefined) {
        if (!found.byType) reportDiscarded(found.source, kind.library);
        return;
      }
      const target = param.type === 'AssignmentPattern' ? param.left : param;
      if (target.type === 'Identifier') {
        const obligation = track({ ...kind, id: target, statement: undefined }, true);
        if (obligation !== undefined && found.request !== undefined) {
          obligation.request = found.request;
          requestBound.push(obligation);
        }
      } else if (target.type === 'ObjectPattern' && kind.shape === 'response') {
        const body = destructuredBody(target, kind.library);
        if (body === 'dropped') {
          if (!found.byType) reportDiscarded(found.source, kind.library);
        } else if (body !== undefined) {
          track({ library: kind.library, shape: 'stream', id: body, statement: undefined }, true);
        }
      } else if (target.type === 'ObjectPattern' && !target.properties.some((property) => property.type === 'RestElement')) {
        // `http.get(u, ({ statusCode }) => …)`: the IncomingMessage itself is unreachable.
        if (!found.byType) reportDiscarded(found.source, kind.library);
      }
    }

    /** `ignoreParameters: false`: a parameter typed as a fetch `Response` or undici `ResponseData`. */
    function trackTypedParameters(fn: FunctionNode): void {
      if (getTypeServices(context) === undefined) return;
      for (const param of fn.params) {
        const target = param.type === 'AssignmentPattern' ? param.left : param.type === 'TSParameterProperty' ? param.parameter : param;
        const id = target.type === 'AssignmentPattern' ? target.left : target;
        if (id.type !== 'Identifier') continue;
        const typed = instanceKindFromType(context, id);
        if (typed === undefined || typed.promise) continue;
        // An IncomingMessage parameter is a server's request as often as a client's response: not followed.
        if (typed.instance === 'fetch-response' || typed.instance === 'undici-response-data') {
          track({ library: typed.instance === 'fetch-response' ? 'fetch' : 'undici', shape: 'response', id, statement: undefined }, true);
        }
      }
    }

    // ---- null-body guards (fetch; and node:http's impossible `upgrade`) ------------------------------

    /** For a test: the obligation whose body is known to be null (or absent) when the test is true (`exemptWhenTaken`) or false. */
    function nullBodyGuard(test: TSESTree.Node): { obligation: Obligation; exemptWhenTaken: boolean } | undefined {
      const node = unwrapExpression(test);
      if (node.type === 'UnaryExpression' && node.operator === '!') {
        const inner = nullBodyGuard(node.argument);
        return inner === undefined ? undefined : { ...inner, exemptWhenTaken: !inner.exemptWhenTaken };
      }
      if (node.type === 'LogicalExpression' && node.operator !== '??') {
        const left = nullBodyGuard(node.left);
        const right = nullBodyGuard(node.right);
        // `s === 204 || s === 304` when taken; `s === 204 && x` when taken.
        if (node.operator === '||') {
          return left?.exemptWhenTaken === true && right?.exemptWhenTaken === true && left.obligation === right.obligation ? left : undefined;
        }
        return left?.exemptWhenTaken === true ? left : right?.exemptWhenTaken === true ? right : undefined;
      }
      const upgraded = upgradeOf(node);
      if (upgraded !== undefined) return { obligation: upgraded, exemptWhenTaken: true };
      const body = bodyOf(node);
      if (body !== undefined) return { obligation: body, exemptWhenTaken: false };
      if (node.type !== 'BinaryExpression' || node.left.type === 'PrivateIdentifier') return undefined;
      const equal = node.operator === '===' || node.operator === '==';
      if (!equal && node.operator !== '!==' && node.operator !== '!=') return undefined;
      for (const [subject, other] of [
        [node.left, node.right],
        [node.right, node.left],
      ] as const) {
        const value = staticValue(context, other);
        if (value === undefined) continue;
        const bodyObligation = bodyOf(subject);
        if (bodyObligation !== undefined && (value.value === null || value.value === undefined)) {
          return { obligation: bodyObligation, exemptWhenTaken: equal };
        }
        const statusObligation = statusOf(subject);
        if (statusObligation !== undefined && typeof value.value === 'number' && NULL_BODY_STATUSES.has(value.value)) {
          return { obligation: statusObligation, exemptWhenTaken: equal };
        }
      }
      return undefined;
    }

    /** `res.body` for a tracked fetch response, or a tracked fetch body itself. */
    function bodyOf(node: TSESTree.Node): Obligation | undefined {
      const value = unwrapExpression(node);
      if (value.type === 'Identifier') {
        const obligation = watched.get(value);
        return obligation?.library === 'fetch' && obligation.shape === 'stream' ? obligation : undefined;
      }
      if (value.type !== 'MemberExpression' || staticPropertyName(value) !== 'body') return undefined;
      return fetchResponseOf(value.object);
    }

    /**
     * `res.upgrade` for a tracked node:http response: never true in a `'response'` listener, since
     * Node emits `'upgrade'` instead (http-proxy `ws-incoming.js` tests it defensively).
     */
    function upgradeOf(node: TSESTree.Node): Obligation | undefined {
      if (node.type !== 'MemberExpression' || staticPropertyName(node) !== 'upgrade') return undefined;
      const object = unwrapExpression(node.object);
      const obligation = object.type === 'Identifier' ? watched.get(object) : undefined;
      return obligation?.library === 'http' && obligation.shape === 'stream' ? obligation : undefined;
    }

    /** `res.status` for a tracked fetch response. */
    function statusOf(node: TSESTree.Node): Obligation | undefined {
      const value = unwrapExpression(node);
      if (value.type !== 'MemberExpression' || staticPropertyName(value) !== 'status') return undefined;
      return fetchResponseOf(value.object);
    }

    function fetchResponseOf(node: TSESTree.Node): Obligation | undefined {
      const object = unwrapExpression(node);
      const obligation = object.type === 'Identifier' ? watched.get(object) : undefined;
      return obligation?.library === 'fetch' && obligation.shape === 'response' ? obligation : undefined;
    }

    /** `switch (res.status) { case 204: … }`: the case's statements run with a null body. */
    function guardSwitchCase(node: TSESTree.SwitchCase): void {
      if (node.test === null) return;
      const obligation = statusOf(node.parent.discriminant);
      const paths = tracker.current();
      if (obligation === undefined || paths === undefined || obligation.paths !== paths) return;
      const status = staticValue(context, node.test)?.value;
      if (typeof status !== 'number' || !NULL_BODY_STATUSES.has(status)) return;
      const cases = node.parent.cases;
      const body = cases.slice(cases.indexOf(node)).find((candidate) => candidate.consequent.length > 0)?.consequent[0];
      if (body !== undefined) paths.guardBranch(obligation, body, true, paths.current);
    }

    // ---- reporting -------------------------------------------------------------------------------------

    function remedy(obligation: Kind & { id: TSESTree.Identifier }, paths: FunctionPaths): string {
      const name = obligation.id.name;
      const awaits = canAwait(sourceCode.ast, paths.node);
      const target = obligation.shape === 'response' ? `${name}.${BODY_KEY[obligation.library]}` : name;
      switch (obligation.library) {
        case 'http':
          return `${name}.resume()`;
        case 'undici':
          return awaits ? `await ${target}.dump()` : `${target}.destroy()`;
        case 'axios':
        case 'got':
          return `${target}.destroy()`;
        case 'fetch':
          return `${awaits ? 'await' : 'void'} ${target}?.cancel()`;
      }
    }

    function reportDiscarded(call: TSESTree.Node, library: Library, awaited?: TSESTree.AwaitExpression): void {
      if (!options.checkDiscarded) return;
      const release = { http: 'res.resume()', undici: 'body.dump()', fetch: 'body.cancel()', axios: 'data.destroy()', got: 'stream.destroy()' }[library];
      const inPlace = { fetch: '.body?.cancel()', undici: '.body.dump()', axios: '.data.destroy()', http: undefined, got: undefined }[library];
      context.report({
        node: call,
        messageId: 'discarded',
        data: { remedy: release },
        suggest:
          awaited === undefined || inPlace === undefined
            ? []
            : [
                {
                  messageId: 'releaseDiscarded',
                  fix: (fixer) => fixer.replaceText(awaited, `${library === 'axios' ? '' : 'await '}(${sourceCode.getText(awaited)})${inPlace}`),
                },
              ],
      });
    }

    function analyse(paths: FunctionPaths): void {
      const list = obligations.get(paths);
      if (list === undefined) return;
      obligations.delete(paths);
      for (const obligation of list) {
        const leaks = paths.leakingExits(obligation, obligation.start, { followImplicitThrows: options.checkImplicitThrows });
        if (leaks.size === 0) continue;
        if (obligation.handled.length === 0) {
          reportNeverConsumed(obligation);
          continue;
        }
        for (const exit of leaks) {
          if (exit === undefined) {
            context.report({
              node: obligation.id,
              messageId: 'notConsumedOnEveryPath',
              data: { name: obligation.id.name, remedy: remedy(obligation, paths) },
            });
          } else {
            reportExit(obligation, exit);
          }
        }
      }
    }

    function reportNeverConsumed(obligation: Obligation): void {
      const release = remedy(obligation, obligation.paths);
      const { statement } = obligation;
      const fn = obligation.paths.node;
      const firstStatement = isFunctionNode(fn) && fn.body.type === 'BlockStatement' ? fn.body.body[0] : undefined;
      let fix: ((fixer: RuleFixer) => RuleFix) | undefined;
      if (statement !== undefined && isInStatementList(statement)) {
        fix = (fixer) => insertAfterStatement(fixer, sourceCode, statement, `${release};`);
      } else if (statement === undefined && firstStatement !== undefined) {
        fix = (fixer) => insertBeforeStatement(fixer, sourceCode, firstStatement, `${release};`);
      }
      context.report({
        node: obligation.id,
        messageId: 'neverConsumed',
        data: { name: obligation.id.name, remedy: release },
        suggest: fix === undefined ? [] : [{ messageId: 'releaseAfterBinding', fix }],
      });
    }

    function reportExit(obligation: Obligation, exit: ExitStatement): void {
      const release = remedy(obligation, obligation.paths);
      const keyword = exitKeyword(exit);
      // `return res.ok ? res.json() : null`: releasing before it would break the branch that reads.
      const readsHere = obligation.handled.filter((use) => exit.range[0] <= use.range[0] && use.range[1] <= exit.range[1]);
      const branch = readsHere.length === 0 ? { node: exit, extra: undefined } : branchWithout(exit, readsHere);
      const conditions = conditionsLeadingTo(branch.node, obligation.statement ?? obligation.id);
      if (branch.extra !== undefined) conditions.push(branch.extra);
      const when = describeConditions(sourceCode, conditions);
      const suggest =
        readsHere.length === 0 && canInsertBeforeStatement(exit)
          ? [{ messageId: 'releaseBeforeExit' as const, data: { exit: keyword }, fix: (fixer: RuleFixer) => insertBeforeStatement(fixer, sourceCode, exit, `${release};`) }]
          : [];
      context.report({
        node: exit,
        ...(when === undefined
          ? { messageId: 'unconsumedAtExit' as const, data: { name: obligation.id.name, exit: keyword, remedy: release } }
          : { messageId: 'unconsumedWhen' as const, data: { name: obligation.id.name, when, exit: keyword, remedy: release } }),
        suggest,
      });
    }

    const listeners: RuleListener = {
      AwaitExpression(node) {
        const argument = unwrapExpression(node.argument);
        if (argument.type !== 'CallExpression') return;
        // A source known by type alone is tracked only once bound to a name: asking the checker
        // about every other awaited call (the costliest query typed linting made) finds nothing.
        const source = sourceOf(argument, bindsToName(node));
        if (source !== undefined) {
          placeSource(node, argument, source.kind, source.byType);
          return;
        }
        if (resolveCall(context, argument)?.api?.id === 'Promise.all') placePromiseAll(node, argument);
      },
      CallExpression(node) {
        for (const obligation of requestBound) {
          if (obligation.request !== undefined && obligation.paths === tracker.current() && releasesRequest(node, obligation.request)) {
            obligation.handled.push(node);
            obligation.paths.mark(obligation, 'pass');
          }
        }
        const callee = unwrapExpression(node.callee);
        const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? staticPropertyName(callee) : undefined;
        if ((name === 'exit' || name === 'abort') && endsProcess(node)) {
          // Nothing runs after `process.exit()`: no connection outlives it (pm2 `Modules/TAR.js`).
          const paths = tracker.current();
          for (const obligation of (paths === undefined ? undefined : obligations.get(paths)) ?? []) paths?.mark(obligation, 'pass');
          return;
        }
        // `got.stream(url)` and `res.clone()` are used without `await`.
        if (callee.type !== 'MemberExpression') return;
        if (name === 'clone') {
          if (resolveCall(context, node)?.api?.id === 'response.clone') placeClone(node);
        } else if (mayMakeGotStreams && isGotStreamCall(node)) {
          placeSource(node, node, { library: 'got', shape: 'stream' }, false);
        }
      },
      'VariableDeclarator:exit': finishBinding,
      'AssignmentExpression:exit': finishBinding,
      Identifier(node) {
        const obligation = watched.get(node);
        if (obligation === undefined) return;
        if (classifyUse(node, obligation) === 'handled') {
          obligation.handled.push(node);
          obligation.paths.mark(obligation, 'pass');
        }
      },
      IfStatement(node) {
        if (watched.size === 0) return;
        const guard = nullBodyGuard(node.test);
        const paths = tracker.current();
        if (guard !== undefined && paths !== undefined && guard.obligation.paths === paths) {
          paths.guardBranch(guard.obligation, node.consequent, guard.exemptWhenTaken);
        }
      },
      SwitchCase(node) {
        if (watched.size > 0) guardSwitchCase(node);
      },
    };

    /** Node's `process.exit()` or `process.abort()` (global or imported): the path, and the process, end there. */
    function endsProcess(call: TSESTree.CallExpression): boolean {
      const id = resolveCall(context, call)?.api?.id;
      return id === 'process.exit' || id === 'process.abort';
    }

    /** `got.stream(url)` or `got.stream.get(url)` (also on `got.extend()` instances). */
    function isGotStreamCall(call: TSESTree.CallExpression): boolean {
      return resolveCall(context, call)?.api?.returns === 'got-stream';
    }

    /** `const copy = res.clone()`: every clone is a body of its own (undici#3445). */
    function placeClone(call: TSESTree.CallExpression): void {
      const use = skipWrappersUpward(call);
      if (use.parent?.type === 'VariableDeclarator' && use.parent.id.type === 'Identifier') {
        placeSource(call, call, { library: 'fetch', shape: 'response' }, false);
      }
    }

    return mergeListeners(tracker.listeners, listeners);
  },
});

// ---- helpers ----------------------------------------------------------------------------------

/** The variable an identifier declares (`const res`) or writes (`res = …`). */
function declaredVariable(context: Context, id: TSESTree.Identifier): Scope.Variable | undefined {
  const scope = context.sourceCode.getScope(id);
  const written = scope.references.find((reference) => reference.identifier === id)?.resolved;
  if (written !== undefined && written !== null) return written;
  let current: Scope.Scope | null = scope;
  while (current !== null) {
    const variable = current.set.get(id.name);
    if (variable?.defs.some((def) => def.name === id) === true) return variable;
    current = current.upper;
  }
  return undefined;
}

/** One binding, no other writes, no reads before it: the only shape whose paths we can follow. */
function isTrackable(variable: Scope.Variable, id: TSESTree.Identifier): boolean {
  if (variable.defs.length !== 1) return false;
  let writes = 0;
  for (const reference of variable.references) {
    if (reference.isWrite()) writes += 1;
    else if (reference.identifier.range[0] < id.range[0]) return false;
  }
  return writes <= 1;
}

/**
 * The identifier a destructuring binds the body to (`body` for fetch and undici, `data` for
 * axios); `'dropped'` when the pattern keeps only metadata (`{ status, headers }`), undefined
 * when it keeps something we cannot follow.
 */
function destructuredBody(pattern: TSESTree.ObjectPattern, library: Library): TSESTree.Identifier | 'dropped' | undefined {
  let body: TSESTree.Identifier | undefined;
  for (const property of pattern.properties) {
    if (property.type === 'RestElement') return undefined;
    const key = staticKeyName(property);
    if (key === undefined) return undefined;
    if (key === BODY_KEY[library]) {
      const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
      if (value.type !== 'Identifier') return undefined;
      body = value;
    } else if (!RESPONSE_METADATA.has(key)) {
      return undefined;
    }
  }
  return body ?? 'dropped';
}

/** The call when `member` is its callee (`res.json()`, `res.body?.cancel()`). */
function calledMember(member: TSESTree.MemberExpression): TSESTree.CallExpression | undefined {
  const use = skipWrappersUpward(member);
  const parent = use.parent;
  return parent?.type === 'CallExpression' && parent.callee === use ? parent : undefined;
}

/**
 * In `return res.ok ? res.json() : null`, the branch that does not read (`null`): the
 * innermost `?:` inside the exit with reads on one side only; for `res.ok && res.json()`,
 * the exit and the condition under which the right side is skipped (`!res.ok`).
 */
function branchWithout(exit: ExitStatement, reads: readonly TSESTree.Node[]): { node: TSESTree.Node; extra: Condition | undefined } {
  const within = (outer: TSESTree.Node): boolean => reads.some((read) => outer.range[0] <= read.range[0] && read.range[1] <= outer.range[1]);
  let found: { node: TSESTree.Node; extra: Condition | undefined } = { node: exit, extra: undefined };
  let current: TSESTree.Node | null = exit.type === 'ReturnStatement' || exit.type === 'ThrowStatement' ? exit.argument : null;
  for (let depth = 0; current !== null && depth < 8; depth += 1) {
    const expression = unwrapExpression(current);
    current = null;
    if (expression.type === 'AwaitExpression') {
      current = expression.argument;
    } else if (expression.type === 'ConditionalExpression') {
      const readsConsequent = within(expression.consequent);
      const [reading, other] = readsConsequent ? [expression.consequent, expression.alternate] : [expression.alternate, expression.consequent];
      if (!within(other)) {
        found = { node: other, extra: undefined };
        current = reading;
      }
    } else if (expression.type === 'LogicalExpression' && expression.operator !== '??' && within(expression.right) && !within(expression.left)) {
      found = { node: expression.left, extra: { kind: 'test', test: expression.left, holds: expression.operator === '||' } };
    }
  }
  return found;
}

function statementOf(declarator: TSESTree.VariableDeclarator): TSESTree.Node | undefined {
  const declaration = declarator.parent;
  return declaration.declarations.length === 1 ? declaration : undefined;
}

function canAwait(program: TSESTree.Program, fn: TSESTree.Node): boolean {
  if (isFunctionNode(fn)) return fn.async;
  return fn.type === 'Program' && program.sourceType === 'module';
}
