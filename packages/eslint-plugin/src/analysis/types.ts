import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext } from '@typescript-eslint/utils/ts-eslint';
import type * as ts from 'typescript';

import type { InstanceKind } from './api-catalog';

type AnyContext = Readonly<RuleContext<string, readonly unknown[]>>;

interface TypeServices {
  checker: ts.TypeChecker;
  toTsNode: (node: TSESTree.Node) => ts.Node | undefined;
}

const servicesByFile = new WeakMap<object, TypeServices | null>();

/**
 * The type checker of the current file, or undefined when the host has no program
 * (espree, typescript-eslint without `project`/`projectService`, oxlint). Never throws:
 * `getParserServices` would, so the parser services are read directly.
 */
export function getTypeServices(context: AnyContext): TypeServices | undefined {
  const key = context.sourceCode.ast;
  const cached = servicesByFile.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const services = (context.sourceCode as { parserServices?: Partial<{ program: ts.Program | null; esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): ts.Node | undefined } }> }).parserServices;
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  const result: TypeServices | null =
    program && map ? { checker: program.getTypeChecker(), toTsNode: (node) => map.get(node) } : null;
  servicesByFile.set(key, result);
  return result ?? undefined;
}

/**
 * Where a type is declared, reduced to the names wirelint cares about:
 * `dom` (TypeScript's lib), a package name (`undici`, `axios`), or a Node module (`node:http`).
 */
function declaringLibrary(fileName: string): string | undefined {
  const normalized = fileName.replace(/\\/g, '/');
  if (/\/typescript\/lib\/lib\.[^/]*\.d\.ts$/.test(normalized)) return 'dom';
  const packages = [...normalized.matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)];
  const packageName = packages.at(-1)?.[1];
  if (packageName === undefined) return undefined;
  if (packageName === '@types/node') {
    const base = normalized.slice(normalized.lastIndexOf('/') + 1).replace(/\.d\.ts$/, '');
    return `node:${base}`;
  }
  if (packageName === 'undici-types') return 'undici';
  return packageName.startsWith('@types/') ? packageName.slice('@types/'.length) : packageName;
}

/** Type name → kind, per declaring library. Looked up for the type and then its base types. */
const KINDS_BY_LIBRARY: Readonly<Record<string, Readonly<Record<string, InstanceKind>>>> = {
  dom: { Response: 'fetch-response', WritableStream: 'writable', AbortSignal: 'abort-signal', AbortController: 'abort-controller', Request: 'fetch-request' },
  undici: {
    Response: 'fetch-response',
    ResponseData: 'undici-response-data',
    Dispatcher: 'undici-dispatcher',
    Agent: 'undici-dispatcher',
    Pool: 'undici-dispatcher',
    Client: 'undici-dispatcher',
    ProxyAgent: 'undici-dispatcher',
    BodyReadable: 'readable',
    Request: 'fetch-request',
  },
  'node-fetch': { Response: 'fetch-response' },
  'node:http': {
    IncomingMessage: 'incoming-message',
    ClientRequest: 'client-request',
    ServerResponse: 'server-response',
    Agent: 'http-agent',
    Server: 'http-server',
  },
  'node:https': { Agent: 'http-agent', Server: 'http-server' },
  'node:net': { Socket: 'socket', Server: 'net-server' },
  'node:tls': { TLSSocket: 'socket', Server: 'net-server' },
  'node:stream': { Writable: 'writable', Readable: 'readable', Duplex: 'duplex', Transform: 'duplex', PassThrough: 'duplex' },
  'node:fs': { WriteStream: 'writable', ReadStream: 'readable' },
  axios: { AxiosInstance: 'axios-instance', AxiosStatic: 'axios-instance', AxiosResponse: 'axios-response' },
  got: { Got: 'got-instance' },
  ky: { KyInstance: 'ky-instance' },
  pg: { Pool: 'pg-pool', Client: 'pg-client', PoolClient: 'pg-client' },
  ioredis: { Redis: 'redis-client', Cluster: 'redis-client' },
  redis: { RedisClientType: 'redis-client' },
  '@redis/client': { RedisClientType: 'redis-client' },
  ws: { WebSocketServer: 'ws-server', Server: 'ws-server', WebSocket: 'websocket' },
  'p-queue': { PQueue: 'p-queue', default: 'p-queue' },
  mongodb: { MongoClient: 'mongo-client' },
  // Express's Request extends http.IncomingMessage, but it is generic, and the base-type walk
  // does not reach the bases of generic instantiations: name it directly.
  express: { Request: 'incoming-message' },
  'express-serve-static-core': { Request: 'incoming-message' },
};

const MAX_BASE_DEPTH = 6;

const librariesByProgram = new WeakMap<ts.Program, ReadonlySet<string>>();

/**
 * Whether the program holds declarations of `library` (as `declaringLibrary` names it), the
 * only place a type of that library's kinds can come from. False without a program. Lets a
 * rule skip type queries (the costly part of typed linting) for kinds that cannot occur.
 */
export function programHasLibrary(context: AnyContext, library: string): boolean {
  const program = (context.sourceCode as { parserServices?: { program?: ts.Program | null } }).parserServices?.program;
  if (!program) return false;
  let libraries = librariesByProgram.get(program);
  if (libraries === undefined) {
    const found = new Set<string>();
    for (const file of program.getSourceFiles()) {
      const library = declaringLibrary(file.fileName);
      if (library !== undefined) found.add(library);
    }
    libraries = found;
    librariesByProgram.set(program, libraries);
  }
  return libraries.has(library);
}

/**
 * The libraries whose kinds are callable types (`AxiosInstance`, `Got`, `KyInstance`): the only
 * kinds whose call the catalog describes (their `''` entry). Other kinds are objects or classes.
 */
const CALLABLE_KIND_LIBRARIES = ['axios', 'got', 'ky'];

/**
 * Whether the type of a called function can give the call a catalog entry: only when the program
 * declares a library with callable kinds. Otherwise asking the checker about a callee is wasted.
 */
export function programHasCallableKinds(context: AnyContext): boolean {
  return CALLABLE_KIND_LIBRARIES.some((library) => programHasLibrary(context, library));
}

/**
 * Kinds a typed value can only have where the program declares axios, got or ky: their own
 * instances (directly, or made by their members), and superagent's agent, which no type names.
 */
const KINDS_ONLY_WITH_CALLABLE_LIBRARIES: ReadonlySet<InstanceKind> = new Set(['axios-instance', 'got-instance', 'ky-instance', 'superagent-agent']);

/** Whether one of `kinds` can come from a type in a program without axios, got or ky. */
export function someKindWithoutCallableLibraries(kinds: ReadonlySet<InstanceKind>): boolean {
  for (const kind of kinds) if (!KINDS_ONLY_WITH_CALLABLE_LIBRARIES.has(kind)) return true;
  return false;
}

/**
 * The kind of an expression according to its static type (`res: Response` → `fetch-response`,
 * `Promise<Response>` → a promise of one). Undefined without a program or for unknown types.
 */
export function instanceKindFromType(context: AnyContext, node: TSESTree.Node): { instance: InstanceKind; promise: boolean } | undefined {
  const services = getTypeServices(context);
  if (services === undefined) return undefined;
  const tsNode = services.toTsNode(node);
  if (tsNode === undefined) return undefined;
  const { checker } = services;
  let type: ts.Type;
  try {
    type = checker.getNonNullableType(callTypeWithoutResolving(services, node) ?? checker.getTypeAtLocation(tsNode));
  } catch {
    return undefined;
  }
  const direct = kindOfType(checker, type, 0);
  if (direct !== undefined) return { instance: direct, promise: false };
  const awaited = checker.getAwaitedType(type);
  if (awaited !== undefined && awaited !== type) {
    const inner = kindOfType(checker, checker.getNonNullableType(awaited), 0);
    if (inner !== undefined) return { instance: inner, promise: true };
  }
  return undefined;
}

/** `ts.TypeFlags.Any` (stable since TypeScript 2): read from the flags, as `typescript` is not a runtime dependency. */
const ANY_TYPE_FLAG = 1;

/**
 * The type of a call or `new` expression when the callee's signatures settle it alone: the
 * callee is `any`, or every signature declares one same return type and none is generic. Asking
 * the checker for the call's own type resolves the call: it picks an overload by checking every
 * argument, the bodies of callbacks included, which is by far the costliest query typed linting
 * makes. Undefined when only that resolution can tell (generic or overloaded callees).
 */
function callTypeWithoutResolving(services: TypeServices, node: TSESTree.Node): ts.Type | undefined {
  if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return undefined;
  const callee = services.toTsNode(node.callee);
  if (callee === undefined) return undefined;
  const { checker } = services;
  const calleeType = checker.getTypeAtLocation(callee);
  if ((calleeType.flags & ANY_TYPE_FLAG) !== 0) return calleeType;
  const signatures = node.type === 'NewExpression' ? calleeType.getConstructSignatures() : calleeType.getCallSignatures();
  let returned: ts.Type | undefined;
  for (const signature of signatures) {
    if ((signature.typeParameters?.length ?? 0) > 0) return undefined;
    const type = checker.getReturnTypeOfSignature(signature);
    if (returned !== undefined && type !== returned) return undefined;
    returned = type;
  }
  return returned;
}

function kindOfType(checker: ts.TypeChecker, type: ts.Type, depth: number): InstanceKind | undefined {
  if (depth > MAX_BASE_DEPTH) return undefined;
  for (const symbol of [type.aliasSymbol, type.getSymbol()]) {
    if (symbol === undefined) continue;
    const kind = kindOfSymbol(symbol);
    if (kind !== undefined) return kind;
  }
  if (type.isUnionOrIntersection()) return undefined;
  // An instantiated generic (`Request<P, Q>`) is a reference: its bases hang off its target.
  const target = (type as Partial<ts.TypeReference>).target;
  const declared = type.isClassOrInterface() ? type : target?.isClassOrInterface() === true ? target : undefined;
  const bases = declared === undefined ? [] : checker.getBaseTypes(declared);
  for (const base of bases) {
    const kind = kindOfType(checker, base, depth + 1);
    if (kind !== undefined) return kind;
  }
  return undefined;
}

function kindOfSymbol(symbol: ts.Symbol): InstanceKind | undefined {
  const name = symbol.getName();
  for (const declaration of symbol.getDeclarations() ?? []) {
    const library = declaringLibrary(declaration.getSourceFile().fileName);
    const kind = library === undefined ? undefined : KINDS_BY_LIBRARY[library]?.[name];
    if (kind !== undefined) return kind;
  }
  return undefined;
}
