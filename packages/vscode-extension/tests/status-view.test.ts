import { describe, expect, it } from 'vitest';

import type { StatusInput } from '../src/status-view';
import { describeStatus } from '../src/status-view';

const ready: StatusInput = { client: 'running', server: 'ready', message: undefined, enabled: true, restricted: false };

describe('describeStatus', () => {
  it('shows a check when the server is ready', () => {
    expect(describeStatus(ready)).toMatchObject({ text: '$(check) wirelint', severity: 'normal' });
  });

  it('shows a spinner while starting and while linting', () => {
    expect(describeStatus({ ...ready, client: 'starting', server: undefined }).text).toBe('$(loading~spin) wirelint');
    expect(describeStatus({ ...ready, server: undefined }).text).toBe('$(loading~spin) wirelint');
    expect(describeStatus({ ...ready, server: 'linting', message: 'Linting server.js' })).toMatchObject({ text: '$(loading~spin) wirelint', tooltip: expect.stringContaining('Linting server.js') as unknown });
  });

  it("shows the server's error message in an error-coloured item", () => {
    const view = describeStatus({ ...ready, server: 'error', message: 'eslint.config.mjs failed to load' });
    expect(view).toMatchObject({ text: '$(error) wirelint', severity: 'error' });
    expect(view.tooltip).toContain('eslint.config.mjs failed to load');
  });

  it('says "off" when wirelint.enable is false for the file', () => {
    const view = describeStatus({ ...ready, enabled: false });
    expect(view).toMatchObject({ text: '$(circle-slash) wirelint', severity: 'normal' });
    expect(view.tooltip).toContain('wirelint.enable');
  });

  it('reports a stopped server as an error even where wirelint is off', () => {
    const view = describeStatus({ ...ready, client: 'stopped', server: undefined, enabled: false });
    expect(view).toMatchObject({ text: '$(error) wirelint', severity: 'error' });
    expect(view.tooltip).toContain('wirelint: Restart Server');
  });

  it('explains Restricted Mode in the tooltip', () => {
    expect(describeStatus({ ...ready, restricted: true }).tooltip).toContain('Restricted Mode');
    expect(describeStatus(ready).tooltip).not.toContain('Restricted Mode');
  });

  it('always says that a click opens the output', () => {
    for (const input of [ready, { ...ready, enabled: false }, { ...ready, client: 'stopped' as const }, { ...ready, server: 'error' as const }]) {
      expect(describeStatus(input).tooltip).toContain('open the wirelint output');
    }
  });
});
