import { pathToFileURL } from 'node:url';

import { ESLint, type Linter } from 'eslint';

import type { CliPreset, Concurrency } from './args';
import { buildWirelintConfig, isWirelintMessage } from './config';
import type { IgnoreSpec } from './ignores';

/**
 * Everything that decides how ESLint is set up, as plain JSON: with `--concurrency`, ESLint's
 * worker threads rebuild the options from it (functions and plugin objects cannot be sent to a
 * thread), the way ESLint's own CLI does with an options module.
 */
export interface LintSettings {
  cwd: string;
  config: { kind: 'preset'; preset: CliPreset; typeAware: boolean; ignores: IgnoreSpec[] } | { kind: 'eslint-config' };
  fix: boolean;
  cache: boolean;
  cacheLocation: string;
  concurrency: Concurrency;
  /** `false`: no ignore pattern applies (ESLint's `ignore: false`). */
  ignore: boolean;
}

/** The cache file, unless `--cache-location` says otherwise; separate from the project's `.eslintcache`. */
export const DEFAULT_CACHE_LOCATION = '.wirelintcache';

/** ESLint's options for `settings`. */
export function createEslintOptions(settings: LintSettings): ESLint.Options {
  const shared: ESLint.Options = {
    cwd: settings.cwd,
    cache: settings.cache,
    cacheLocation: settings.cacheLocation,
    concurrency: settings.concurrency,
    ignore: settings.ignore,
    // Paths are checked one by one before linting (a missing one must not stop the others),
    // and given as paths: the shell expands globs.
    errorOnUnmatchedPattern: false,
    globInputPaths: false,
  };
  if (settings.config.kind === 'eslint-config') return { ...shared, fix: settings.fix };
  const { preset, typeAware, ignores } = settings.config;
  return {
    ...shared,
    overrideConfigFile: true,
    overrideConfig: buildWirelintConfig({ preset, typeAware, tsconfigRootDir: settings.cwd, ignores }),
    // Only wirelint's own fixes: ESLint comments in the project could turn on other rules.
    fix: settings.fix ? isWirelintFix : false,
  };
}

function isWirelintFix(message: Linter.LintMessage): boolean {
  return isWirelintMessage(message);
}

/** An `ESLint` instance for `settings`; with worker threads, each thread rebuilds the same options. */
export async function createEslint(settings: LintSettings): Promise<ESLint> {
  if (settings.concurrency === 'off') return new ESLint(createEslintOptions(settings));
  return ESLint.fromOptionsModule(optionsModuleUrl(settings));
}

/** A `data:` module whose default export is `createEslintOptions(settings)`. */
export function optionsModuleUrl(settings: LintSettings): URL {
  const moduleUrl = pathToFileURL(__filename).href;
  const source =
    `import options from ${JSON.stringify(moduleUrl)};\n` +
    `export default options.createEslintOptions(${JSON.stringify(settings)});\n`;
  return new URL(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
}
