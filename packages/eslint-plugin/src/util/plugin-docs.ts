/** The four families of the rule catalog (DESIGN.md), used to group docs and the README table. */
export type RuleFamily = 'bodies' | 'timeouts' | 'queues' | 'lifecycle';

/** `meta.docs` of every wirelint rule. */
export interface WirelintDocs {
  description: string;
  family: RuleFamily;
  /**
   * The smallest preset that turns the rule on: `recommended` rules are also in `strict`,
   * `strict` rules only there. `all` has every rule.
   */
  preset: 'recommended' | 'strict';
  /** Severity in the presets that include the rule. */
  severity: 'error' | 'warn';
  /** wirelint rules never require types; this says whether they use them when present. */
  requiresTypeChecking: false;
  usesTypeInformation: boolean;
  /** Options the `strict` presets pass instead of the defaults (e.g. `requireDeadline`). */
  strictOptions?: Record<string, unknown>;
  url?: string;
}
