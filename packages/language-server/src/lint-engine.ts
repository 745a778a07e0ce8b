import type { Linter } from 'eslint';

import type { LintRunner, LintTarget } from './lint-runner';
import type { ProjectConfigs } from './project-config';
import type { WirelintSettings } from './settings';

export interface LintEngineEvents {
  /** One log line (the caller sends it to the client's log). */
  log: (message: string) => void;
  /** A lint fell back to the preset because `configFile` does not load. */
  brokenConfigUsed: (configFile: string, preset: string) => void;
}

export interface LintRequest extends LintTarget {
  /** Only `file:` documents can have a project config (an unsaved editor has no directory). */
  onDisk: boolean;
  settings: WirelintSettings;
}

/**
 * Chooses how a file is linted: with the workspace's own `eslint.config.*` when
 * `useProjectEslintConfig` is on, the workspace is trusted and a config file covers the file;
 * otherwise, or when that config does not load, with the preset of the settings. Loading a
 * workspace's config runs its code, so an untrusted workspace never gets there: that is said
 * once in the log (again after each trust change).
 */
export class LintEngine {
  private trusted: boolean;
  private readonly logged = new Set<string>();

  constructor(
    private readonly runner: LintRunner,
    private readonly projectConfigs: ProjectConfigs,
    private readonly events: LintEngineEvents,
    trusted: boolean,
  ) {
    this.trusted = trusted;
  }

  get workspaceTrusted(): boolean {
    return this.trusted;
  }

  /** Records the client's trust decision; loaded project configs are dropped either way. */
  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.logged.clear();
    this.projectConfigs.clear();
  }

  async lint(request: LintRequest): Promise<Linter.LintMessage[]> {
    const { settings } = request;
    if (settings.useProjectEslintConfig && request.onDisk) {
      if (!this.trusted) {
        this.logOnce(
          'untrusted',
          `wirelint: wirelint.useProjectEslintConfig is ignored because the workspace is not trusted (loading eslint.config.* would run its code); linting with the ${settings.config} preset.`,
        );
      } else {
        const configFile = this.projectConfigs.findConfigFile(request.filePath);
        if (configFile === undefined) {
          this.logOnce(`no-config:${request.workspaceFolder ?? request.filePath}`, `wirelint: no eslint.config.* covers ${request.filePath}; linting with the ${settings.config} preset.`);
        } else {
          const result = await this.projectConfigs.lint(configFile, request.text, request.filePath);
          if (result.kind === 'linted') return result.messages;
          this.events.brokenConfigUsed(configFile, settings.config);
        }
      }
    }
    return this.runner.lint(request, settings);
  }

  private logOnce(key: string, message: string): void {
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.events.log(message);
  }
}
