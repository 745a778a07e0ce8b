import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';

import type { Linter } from 'eslint';
import { ESLint } from 'eslint';

import { RULE_PREFIX } from './lint-config';

/** ESLint's flat config file names, in the order ESLint tries them in each directory. */
export const FLAT_CONFIG_FILE_NAMES: readonly string[] = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

export interface ProjectConfigEvents {
  /** A config file failed to load; called once per version of the file (until it changes). */
  onBroken: (configFile: string, error: unknown) => void;
  /** A config file loaded. */
  onLoaded: (configFile: string) => void;
  /** A wirelint rule threw under the project's config; called once per rule and config version. */
  onRuleCrash: (ruleId: string, error: unknown) => void;
}

export type ProjectLintResult = { kind: 'linted'; messages: Linter.LintMessage[] } | { kind: 'broken' };

interface Engine {
  /** The file's modification time and size when it was loaded: a change makes a new engine. */
  stamp: string;
  eslint: ESLint;
  /** Rules left out after they threw (read by the `ruleFilter`). */
  crashedRules: Set<string>;
  /** Resolves once the config is loaded: whether it loaded. */
  loaded: Promise<boolean>;
}

function stampOf(file: string): string | undefined {
  try {
    const stats = statSync(file);
    return `${String(stats.mtimeMs)}:${String(stats.size)}`;
  } catch {
    return undefined;
  }
}

function crashedRuleId(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('ruleId' in error)) return undefined;
  return typeof error.ruleId === 'string' ? error.ruleId : undefined;
}

/**
 * Lints with a workspace's own flat config, through ESLint's public `ESLint` class: one
 * instance per config file, found upward from the linted file the way ESLint finds it, and
 * replaced when the file changes (its modification time or size). Only wirelint's rules run
 * (`ruleFilter`): the project's other rules belong to whatever else lints it (the ESLint
 * extension, CI), and running them here would only cost time. A file the config ignores, or
 * that no config object matches, gets no messages.
 *
 * This runs the workspace's code (the config and the plugins it imports): call it only for a
 * trusted workspace.
 */
export class ProjectConfigs {
  private readonly engines = new Map<string, Engine>();
  private readonly configOfDirectory = new Map<string, string | undefined>();

  constructor(private readonly events: ProjectConfigEvents) {}

  /** The nearest `eslint.config.*` of a file: in its directory or the closest parent that has one. */
  findConfigFile(filePath: string): string | undefined {
    const visited: string[] = [];
    let directory = path.dirname(filePath);
    let found: string | undefined;
    for (;;) {
      if (this.configOfDirectory.has(directory)) {
        found = this.configOfDirectory.get(directory);
        break;
      }
      visited.push(directory);
      found = FLAT_CONFIG_FILE_NAMES.map((name) => path.join(directory, name)).find((file) => existsSync(file));
      if (found !== undefined) break;
      const parent = path.dirname(directory);
      if (parent === directory) break;
      directory = parent;
    }
    for (const seen of visited) this.configOfDirectory.set(seen, found);
    return found;
  }

  /** Lints `text` as `filePath` with `configFile`; `broken` when the config does not load. */
  async lint(configFile: string, text: string, filePath: string): Promise<ProjectLintResult> {
    const engine = this.engineFor(configFile);
    if (engine === undefined || !(await engine.loaded)) return { kind: 'broken' };
    // Each retry leaves out one more rule that threw, so this ends.
    for (;;) {
      try {
        const [result] = await engine.eslint.lintText(text, { filePath, warnIgnored: false });
        const messages = (result?.messages ?? []).filter((message) => message.fatal === true || message.ruleId?.startsWith(RULE_PREFIX) === true);
        return { kind: 'linted', messages };
      } catch (error) {
        const ruleId = crashedRuleId(error);
        if (ruleId === undefined || engine.crashedRules.has(ruleId)) throw error;
        engine.crashedRules.add(ruleId);
        this.events.onRuleCrash(ruleId, error);
      }
    }
  }

  /** Forgets which directory has which config (a config file was created or deleted somewhere). */
  forgetLookups(): void {
    this.configOfDirectory.clear();
  }

  /** Forgets everything: lookups and loaded configs. */
  clear(): void {
    this.configOfDirectory.clear();
    this.engines.clear();
  }

  private engineFor(configFile: string): Engine | undefined {
    const stamp = stampOf(configFile);
    if (stamp === undefined) {
      // Deleted since it was found.
      this.engines.delete(configFile);
      this.forgetLookups();
      return undefined;
    }
    const current = this.engines.get(configFile);
    if (current?.stamp === stamp) return current;
    const crashedRules = new Set<string>();
    const eslint = new ESLint({
      cwd: path.dirname(configFile),
      overrideConfigFile: configFile,
      ruleFilter: ({ ruleId }) => ruleId.startsWith(RULE_PREFIX) && !crashedRules.has(ruleId),
    });
    const engine: Engine = { stamp, eslint, crashedRules, loaded: this.load(eslint, configFile) };
    this.engines.set(configFile, engine);
    return engine;
  }

  /** Loads the config now, so that a broken one is told apart from a lint that fails. */
  private async load(eslint: ESLint, configFile: string): Promise<boolean> {
    try {
      await eslint.calculateConfigForFile(configFile);
      this.events.onLoaded(configFile);
      return true;
    } catch (error) {
      this.events.onBroken(configFile, error);
      return false;
    }
  }
}
