import type { RuleContext, RuleListener, RuleMetaData, RuleModule } from '@typescript-eslint/utils/ts-eslint';

import type { WirelintDocs } from './plugin-docs';

const DOCS_BASE = 'https://github.com/wirelint/wirelint/blob/main/packages/eslint-plugin/docs/rules/';

export function ruleDocsUrl(name: string): string {
  return `${DOCS_BASE}${name}.md`;
}

export type WirelintRuleModule<MessageIds extends string = string, Options extends readonly unknown[] = readonly unknown[]> =
  Omit<RuleModule<MessageIds, Options, WirelintDocs>, 'defaultOptions'> & { name: string };

interface RuleSpec<Options extends readonly unknown[], MessageIds extends string> {
  name: string;
  meta: Omit<RuleMetaData<MessageIds, WirelintDocs, Options>, 'docs' | 'defaultOptions'> & {
    docs: Omit<WirelintDocs, 'url'>;
  };
  defaultOptions: Options;
  create: (context: Readonly<RuleContext<MessageIds, Options>>, options: Options) => RuleListener;
}

/**
 * Defines a rule the way typescript-eslint's `RuleCreator` does: the docs URL comes from the
 * name, and `create` receives the options already merged with `defaultOptions`. It has no
 * runtime dependency, so the plugin loads where neither TypeScript nor typescript-eslint is
 * installed (plain-JS projects, oxlint).
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  spec: RuleSpec<Options, MessageIds>,
): WirelintRuleModule<MessageIds, Options> {
  const { name, meta, defaultOptions, create } = spec;
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) }, defaultOptions },
    create(context) {
      return create(context, applyDefaultOptions(defaultOptions, context.options));
    },
  };
}

/** Merges user options over defaults, one level deep per option object (as RuleCreator does). */
export function applyDefaultOptions<Options extends readonly unknown[]>(defaults: Options, user: readonly unknown[]): Options {
  return defaults.map((value, index) => {
    const given = user[index];
    if (given === undefined) return value;
    if (isPlainObject(value) && isPlainObject(given)) return { ...value, ...given };
    return given;
  }) as unknown as Options;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
