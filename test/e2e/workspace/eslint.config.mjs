// The project's own config: used only with `wirelint.useProjectEslintConfig` in a trusted
// workspace. The test links node_modules/@wirelint/eslint-plugin to the repository's plugin.
import wirelint from '@wirelint/eslint-plugin';

export default [...wirelint.configs.recommended, { rules: { 'wirelint/no-small-listen-backlog': 'off' } }];
