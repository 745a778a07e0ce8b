import { existsSync } from 'node:fs';
import * as path from 'node:path';

import ts from 'typescript';

const CONFIG_FILE_NAMES = ['tsconfig.json', 'jsconfig.json'];

/**
 * A file no tsconfig lists is checked again after this long: it may have been created since the
 * config's file list was read (a CLI run is over long before; an editor lives longer).
 */
export const NEGATIVE_ANSWER_TTL_MS = 30_000;

interface Project {
  files: ReadonlySet<string>;
  references: readonly string[];
}

/**
 * Whether some tsconfig.json or jsconfig.json in a file's directory or above lists the file,
 * directly or through project references: the files typescript-eslint's project service can
 * type. Asking first matters: for any other file the project service builds a whole inferred
 * program and then fails (measured: 30 such files took 16 s and 540 MB instead of 1.7 s). Config
 * files are read once each; the language server shares this through `wirelint/parsing`.
 */
export class ProjectMembership {
  private readonly configsInDirectory = new Map<string, string[]>();
  private readonly projects = new Map<string, Project>();
  private readonly misses = new Map<string, number>();
  private readonly host: ts.ParseConfigFileHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    fileExists: (file) => ts.sys.fileExists(file),
    readFile: (file) => ts.sys.readFile(file),
    getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
    // A broken config is no project: its files are linted without types.
    onUnRecoverableConfigFileDiagnostic: () => undefined,
  };

  constructor(private readonly now: () => number = Date.now) {}

  isInSomeProject(filePath: string): boolean {
    const file = this.canonical(filePath);
    const missedAt = this.misses.get(file);
    if (missedAt !== undefined) {
      if (this.now() - missedAt < NEGATIVE_ANSWER_TTL_MS) return false;
      this.misses.delete(file);
      this.forgetConfigsAbove(filePath);
    }
    let directory = path.dirname(path.resolve(filePath));
    for (;;) {
      for (const config of this.configsIn(directory)) {
        if (this.projectIncludes(config, file, new Set())) return true;
      }
      const parent = path.dirname(directory);
      if (parent === directory) break;
      directory = parent;
    }
    this.misses.set(file, this.now());
    return false;
  }

  /** Forgets everything (a tsconfig or jsconfig changed). */
  clear(): void {
    this.configsInDirectory.clear();
    this.projects.clear();
    this.misses.clear();
  }

  private forgetConfigsAbove(filePath: string): void {
    let directory = path.dirname(path.resolve(filePath));
    for (;;) {
      for (const config of this.configsInDirectory.get(directory) ?? []) this.projects.delete(config);
      this.configsInDirectory.delete(directory);
      const parent = path.dirname(directory);
      if (parent === directory) return;
      directory = parent;
    }
  }

  private configsIn(directory: string): string[] {
    let configs = this.configsInDirectory.get(directory);
    if (configs === undefined) {
      configs = CONFIG_FILE_NAMES.map((name) => path.join(directory, name)).filter((file) => existsSync(file));
      this.configsInDirectory.set(directory, configs);
    }
    return configs;
  }

  private projectIncludes(configPath: string, file: string, seen: Set<string>): boolean {
    if (seen.has(configPath)) return false;
    seen.add(configPath);
    const project = this.readProject(configPath);
    if (project.files.has(file)) return true;
    return project.references.some((reference) => this.projectIncludes(reference, file, seen));
  }

  private readProject(configPath: string): Project {
    let project = this.projects.get(configPath);
    if (project === undefined) {
      let parsed: ts.ParsedCommandLine | undefined;
      try {
        parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, this.host);
      } catch {
        parsed = undefined;
      }
      project = {
        files: new Set((parsed?.fileNames ?? []).map((file) => this.canonical(file))),
        references: (parsed?.projectReferences ?? []).map((reference) => ts.resolveProjectReferencePath(reference)),
      };
      this.projects.set(configPath, project);
    }
    return project;
  }

  private canonical(file: string): string {
    const normalized = path.resolve(file);
    return ts.sys.useCaseSensitiveFileNames ? normalized : normalized.toLowerCase();
  }
}
