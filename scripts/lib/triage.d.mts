export interface Finding {
  package: string;
  version: string;
  file: string;
  line: number;
  rule: string;
}
export interface Verdict extends Finding {
  verdict: 'true' | 'false alarm' | 'debatable';
  why: string;
}
export const VERDICTS: readonly Verdict['verdict'][];
export function triageKey(finding: Finding): string;
export function readTriage(file: string): Verdict[];
export function precision(
  verdicts: readonly Verdict[],
  findings: readonly Finding[],
): {
  counts: Record<Verdict['verdict'], number>;
  precision: number | null;
  untriaged: string[];
  resolved: Verdict[];
};
