// Small read-only DOM helpers shared by the site readers.

export function all(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector));
}

/** A participant key from a display name, for clients that expose no stable id. */
export function nameKey(name: string): string {
  return `name:${name}`;
}

/** Makes keys unique in page order: a second "Ann Lee" becomes `name:Ann Lee#2`. */
export function uniqueKeys<T extends { key: string }>(items: T[]): T[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = (seen.get(item.key) ?? 0) + 1;
    seen.set(item.key, n);
    return n === 1 ? item : { ...item, key: `${item.key}#${n}` };
  });
}

/** The text of an element without the text of its icon children (Material ligatures, buttons). */
export function ownText(el: Element, skip: string): string {
  let text = '';
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) text += `${child.nodeValue ?? ''} `;
      else if (child.nodeType === 1 && !(child as Element).matches(skip)) walk(child);
    }
  };
  walk(el);
  return text;
}
