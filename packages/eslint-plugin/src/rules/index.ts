import type { WirelintRuleModule } from '../util/create-rule';
import noSmallListenBacklog from './no-small-listen-backlog';

/** Every rule, by name; kept alphabetical (checked by tests/setup.test.ts). */
export const rules: Readonly<Record<string, WirelintRuleModule>> = {
  'no-small-listen-backlog': noSmallListenBacklog,
};
