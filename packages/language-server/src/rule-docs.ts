/** The parts of an ESLint plugin the server reads (the real plugin, or a test double). */
export interface LintPlugin {
  readonly rules: Readonly<Record<string, { readonly meta?: { readonly docs?: { readonly description?: string; readonly url?: string }; readonly schema?: unknown } } | undefined>>;
  readonly configs: Readonly<Record<string, unknown>>;
}

export interface RuleDocs {
  description: string | undefined;
  url: string | undefined;
}

/** A wirelint rule's description and docs link, from its `meta.docs`, by rule id (`wirelint/<name>`). */
export function ruleDocs(plugin: LintPlugin, ruleId: string): RuleDocs {
  const name = ruleId.startsWith('wirelint/') ? ruleId.slice('wirelint/'.length) : undefined;
  const docs = name === undefined ? undefined : plugin.rules[name]?.meta?.docs;
  return { description: docs?.description, url: docs?.url };
}
