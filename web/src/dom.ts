// A tiny element builder: h('a', {href: '#/plans', class: 'x'}, 'text', child…). Attributes
// named on* take listeners; `value`, `checked`, `disabled`, `selected` are set as properties;
// `style` is applied property by property; null, undefined and false children are skipped,
// arrays are flattened. Text is always inserted as
// text nodes, never as HTML, so server data cannot inject markup.
export type Child = Node | string | number | null | undefined | false | Child[];
type Listener = (event: Event) => void;
export type Attrs = Record<string, string | number | boolean | Listener | null | undefined>;

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'multiple', 'required']);

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith('on') && typeof value === 'function') {
        el.addEventListener(name.slice(2).toLowerCase(), value as Listener);
      } else if (name === 'style') {
        // Through CSSOM, which a Content-Security-Policy without 'unsafe-inline' still allows.
        for (const decl of String(value).split(';')) {
          const colon = decl.indexOf(':');
          if (colon > 0) el.style.setProperty(decl.slice(0, colon).trim(), decl.slice(colon + 1).trim());
        }
      } else if (PROPERTIES.has(name)) {
        (el as unknown as Record<string, unknown>)[name] = value;
      } else {
        el.setAttribute(name, value === true ? '' : String(value));
      }
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

// Replaces everything inside `parent`.
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

// A label + control pair laid out by the .field CSS class.
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  if (!control.id) control.id = `f-${Math.random().toString(36).slice(2, 9)}`;
  return h('div', { class: 'field' },
    h('label', { for: control.id }, label),
    control,
    hint ? h('small', { class: 'hint' }, hint) : null);
}
