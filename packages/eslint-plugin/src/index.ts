import { buildPresets } from './configs/index';
import { rules } from './rules/index';
import type { WirelintPlugin } from './util/plugin-types';

// Read at run time so that package.json stays the single source of the version.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { name, version } = require('../package.json') as { name: string; version: string };

const plugin: WirelintPlugin = {
  meta: { name, version, namespace: 'wirelint' },
  rules,
  configs: {} as WirelintPlugin['configs'],
};
plugin.configs = buildPresets(plugin, rules);

// `export =` so that `require('@wirelint/eslint-plugin')` and `import plugin from
// '@wirelint/eslint-plugin'` both give the plugin object itself.
export = plugin;
