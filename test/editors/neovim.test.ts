import * as path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { assertServerBuilt, expectScenarioOutcome, locateEditor, runEditor } from './harness';
import { SCENARIOS } from './scenarios';

// `luafile` takes the rest of the command line as a file name, with Vim's escaping.
const SCRIPT = path.join(__dirname, 'nvim-e2e.lua').replace(/[\\ ]/g, '\\$&');
const nvim = locateEditor('Neovim 0.7+ (headless, built-in LSP client)', 'nvim');

describe(nvim.label, () => {
  beforeAll(() => {
    if (!nvim.skip) assertServerBuilt();
  });

  for (const scenario of SCENARIOS) {
    it.skipIf(nvim.skip)(scenario.name, async () => {
      // -u NONE: no user config or plugins; -i NONE: no shada file; -n: no swap file.
      const run = await runEditor({ command: nvim.binary(), args: ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT}`] }, scenario);
      expectScenarioOutcome(run, scenario);
      // stop_client sends shutdown, then exit, and waits for the process: it must end cleanly.
      expect(run.report?.serverExit).toEqual({ code: 0, signal: 0 });
    });
  }
});
