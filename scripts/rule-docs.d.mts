import type { WirelintRuleModule } from '../packages/eslint-plugin/src/util/create-rule';

export const HEADER_BEGIN: string;
export const HEADER_END: string;
export const TABLE_BEGIN: string;
export const TABLE_END: string;
export function renderRuleHeader(rule: WirelintRuleModule): string;
export function renderRuleTable(rules: Readonly<Record<string, WirelintRuleModule>>): string;
export function replaceBetween(text: string, begin: string, end: string, content: string): string;
