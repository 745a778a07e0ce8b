import * as path from 'node:path';

import { beforeAll, describe, it } from 'vitest';

import { assertServerBuilt, expectScenarioOutcome, locateEditor, runEditor } from './harness';
import { SCENARIOS } from './scenarios';

const SCRIPT = path.join(__dirname, 'emacs-e2e.el');
const emacs = locateEditor('Emacs 28+ with eglot (batch)', 'emacs');

describe(emacs.label, () => {
  beforeAll(() => {
    if (!emacs.skip) assertServerBuilt();
  });

  for (const scenario of SCENARIOS) {
    it.skipIf(emacs.skip)(scenario.name, async () => {
      // -q, not -Q: Debian's site-start puts the elpa-eglot package on the load path. No init
      // file is read either way, and HOME is a fresh directory.
      const run = await runEditor({ command: emacs.binary(), args: ['--batch', '-q', '-l', SCRIPT] }, scenario);
      // eglot-shutdown sends shutdown and exit, then jsonrpc deletes the process without waiting
      // for it (SIGKILL): the exit status says nothing about the server, only the leftovers check counts.
      expectScenarioOutcome(run, scenario);
    });
  }
});
