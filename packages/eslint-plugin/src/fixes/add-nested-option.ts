import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer, SourceCode } from '@typescript-eslint/utils/ts-eslint';

import { staticKeyName, unwrapExpression } from '../analysis/syntax';
import { addObjectProperty } from './add-object-property';

/** `['timeout', 'request']`, `30_000` → `{ timeout: { request: 30_000 } }` (a whole options argument). */
export function optionsObjectText(path: readonly string[], value: string): string {
  return nestedValueText(path, value);
}

/** `['timeout', 'request']`, `30_000` → `timeout: { request: 30_000 }` (one property). */
export function optionPropertyText(path: readonly string[], value: string): string {
  const [key, ...rest] = path;
  return key === undefined ? value : `${key}: ${nestedValueText(rest, value)}`;
}

function nestedValueText(path: readonly string[], value: string): string {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  return `{ ${key}: ${nestedValueText(rest, value)} }`;
}

/**
 * Adds a possibly nested option to an object literal without ever duplicating a key:
 * `{ retry: 2 }` + `timeout.request` → `{ retry: 2, timeout: { request: 30_000 } }`, and
 * `{ timeout: { connect: 1_000 } }` → `{ timeout: { connect: 1_000, request: 30_000 } }`.
 * Undefined when the object cannot take it cleanly: the key is already there, an object on
 * the way is not a literal, or a spread might hold the key.
 */
export function addNestedOption(
  fixer: RuleFixer,
  sourceCode: Readonly<SourceCode>,
  object: TSESTree.ObjectExpression,
  path: readonly string[],
  value: string,
): RuleFix | undefined {
  const place = insertionPoint(object, path);
  if (place === undefined) return undefined;
  return addObjectProperty(fixer, sourceCode, place.object, `${place.key}: ${nestedValueText(place.rest, value)}`);
}

/** The property text `addNestedOption` would add (`request: 30_000` inside an existing `timeout`), if it can. */
export function nestedOptionText(object: TSESTree.ObjectExpression, path: readonly string[], value: string): string | undefined {
  const place = insertionPoint(object, path);
  return place === undefined ? undefined : `${place.key}: ${nestedValueText(place.rest, value)}`;
}

/** Whether `addNestedOption` can add `path` to `object`. */
export function canAddNestedOption(object: TSESTree.ObjectExpression, path: readonly string[]): boolean {
  return insertionPoint(object, path) !== undefined;
}

function insertionPoint(
  object: TSESTree.ObjectExpression,
  path: readonly string[],
): { object: TSESTree.ObjectExpression; key: string; rest: readonly string[] } | undefined {
  const [key, ...rest] = path;
  if (key === undefined) return undefined;
  let own: TSESTree.Property | undefined;
  for (const property of object.properties) {
    // A spread may set the key at run time: adding after it would override, before it would be shadowed.
    if (property.type === 'SpreadElement') return undefined;
    const name = staticKeyName(property);
    if (name === undefined) return undefined;
    if (name === key) own = property;
  }
  if (own === undefined) return { object, key, rest };
  if (rest.length === 0 || own.kind !== 'init') return undefined;
  const inner = unwrapExpression(own.value);
  if (inner.type !== 'ObjectExpression') return undefined;
  return insertionPoint(inner, rest);
}
