import type * as TsParser from '@typescript-eslint/parser';

interface AstNode {
  type: string;
  range: [number, number];
  [key: string]: unknown;
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && Array.isArray((value as { range?: unknown }).range);
}

function childNodes(node: AstNode, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): AstNode[] {
  const children: AstNode[] = [];
  for (const key of visitorKeys[node.type] ?? []) {
    const value = node[key];
    for (const child of Array.isArray(value) ? (value as unknown[]) : [value]) if (isNode(child)) children.push(child);
  }
  return children;
}

/** Whether `offset` lies between an element's (or fragment's) opening and closing tags. */
function isBetweenTags(node: AstNode, offset: number): boolean {
  const opening = node.openingElement ?? node.openingFragment;
  const closing = node.closingElement ?? node.closingFragment;
  return isNode(opening) && isNode(closing) && offset >= opening.range[1] && offset < closing.range[0];
}

/**
 * Parses `text` once and answers, per offset, whether the code there is a child of a JSX element
 * (`<div>` here `</div>`), where text is JSX text and a `//` comment would render as text: a
 * comment there must be `{/* … *\/}`. The innermost node that encloses the offset decides: an
 * element's children say yes, an expression container (`{…}`) or anything else in between says
 * no. A node that starts exactly at the offset is what the comment goes before, so its parent
 * decides. Unparsable text says no everywhere.
 */
export function jsxChildrenQuery(parser: Pick<typeof TsParser, 'parseForESLint'>, text: string, filePath: string): (offset: number) => boolean {
  let parsed: ReturnType<typeof TsParser.parseForESLint>;
  try {
    parsed = parser.parseForESLint(text, { ecmaFeatures: { jsx: true }, range: true, filePath });
  } catch {
    return () => false;
  }
  const visitorKeys = parsed.visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
  const program = parsed.ast as unknown as AstNode;
  return (offset) => {
    let node = program;
    let inChildren = false;
    for (;;) {
      if (node.type === 'JSXElement' || node.type === 'JSXFragment') inChildren = isBetweenTags(node, offset);
      else if (node.type !== 'JSXText') inChildren = false;
      const next = childNodes(node, visitorKeys).find((child) => child.range[0] < offset && offset < child.range[1]);
      if (next === undefined) return inChildren;
      node = next;
    }
  };
}
