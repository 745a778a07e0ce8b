// The process entry of `wirelint` (bin/wirelint.js loads this file).
import { runCli } from './run';

void runCli(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then((code) => {
  // `exitCode`, not `exit()`: a large report piped to another process must be written in full.
  process.exitCode = code;
});
