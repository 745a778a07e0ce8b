import { spawn } from 'node:child_process';

/** What a finished child process printed, and how it exited. */
export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node script ...args` in `cwd` and collects its output. The color variables of the
 * test runner's own environment are dropped, so output does not depend on how tests are run.
 */
export function runNode(script: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<ProcessRun> {
  const childEnv = { ...process.env, ...env };
  delete childEnv.FORCE_COLOR;
  delete childEnv.NO_COLOR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}
