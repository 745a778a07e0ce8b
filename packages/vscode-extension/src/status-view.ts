import type { ServerState } from './protocol';

/** Everything the status-bar item depends on, gathered from the client, the server and the settings. */
export interface StatusInput {
  /** The language client's own state: the server process may be starting, running or gone. */
  client: 'starting' | 'running' | 'stopped';
  /** The last `wirelint/status` the server sent (undefined until the first one). */
  server: ServerState | undefined;
  /** The server's message with that state, if any. */
  message: string | undefined;
  /** `wirelint.enable` for the active editor's document. */
  enabled: boolean;
  /** Whether the workspace is in Restricted Mode (not trusted). */
  restricted: boolean;
}

export interface StatusView {
  text: string;
  tooltip: string;
  /** `error` paints the item with the theme's error background (statusBarItem.errorBackground). */
  severity: 'normal' | 'error';
}

const NAME = 'wirelint';
const OPEN_OUTPUT = 'Click to open the wirelint output.';

function lines(...parts: (string | undefined | false)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join('\n');
}

/**
 * What the status-bar item shows. Precedence: a dead server is an error whatever the settings
 * say; then "off" (a disabled resource never lints); then the server's own state.
 */
export function describeStatus(input: StatusInput): StatusView {
  const restricted = input.restricted && 'Restricted Mode: the project\'s ESLint config is not loaded until you trust this workspace.';
  if (input.client === 'stopped') {
    return { text: `$(error) ${NAME}`, tooltip: lines('The wirelint server stopped.', 'Run "wirelint: Restart Server" to start it again.', OPEN_OUTPUT), severity: 'error' };
  }
  if (!input.enabled) {
    return { text: `$(circle-slash) ${NAME}`, tooltip: lines('wirelint is off for this file (wirelint.enable is false).', OPEN_OUTPUT), severity: 'normal' };
  }
  if (input.client === 'starting' || input.server === undefined) {
    return { text: `$(loading~spin) ${NAME}`, tooltip: lines('The wirelint server is starting.', restricted, OPEN_OUTPUT), severity: 'normal' };
  }
  switch (input.server) {
    case 'linting':
      return { text: `$(loading~spin) ${NAME}`, tooltip: lines(input.message ?? 'wirelint is linting.', restricted, OPEN_OUTPUT), severity: 'normal' };
    case 'error':
      return { text: `$(error) ${NAME}`, tooltip: lines(input.message ?? 'wirelint hit an error.', restricted, OPEN_OUTPUT), severity: 'error' };
    case 'ready':
      return { text: `$(check) ${NAME}`, tooltip: lines(input.message ?? 'wirelint is ready.', restricted, OPEN_OUTPUT), severity: 'normal' };
  }
}
