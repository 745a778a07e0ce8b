import type { Uri } from 'vscode';
import { workspace } from 'vscode';

import { SECTION, SERVER_SETTING_KEYS } from './contract';


/**
 * The server's `initializationOptions`: the window's settings, the server's fallback until it
 * reads per-document settings through `workspace/configuration`, plus the workspace's trust.
 * Computed again on every (re)start. In Restricted Mode VS Code already leaves the workspace's
 * values of restricted settings out of `getConfiguration`.
 */
export function initializationOptions(): Record<string, unknown> {
  const settings = workspace.getConfiguration(SECTION);
  const options: Record<string, unknown> = {};
  for (const key of SERVER_SETTING_KEYS) options[key] = settings.get(key);
  options.workspaceTrusted = workspace.isTrusted;
  return options;
}

/** `wirelint.enable` for a document (resource-scoped), or for the window when there is none. */
export function isEnabled(uri: Uri | undefined): boolean {
  return workspace.getConfiguration(SECTION, uri).get<boolean>('enable', true);
}
