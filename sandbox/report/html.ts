/**
 * Markup built safely: the `html` template tag escapes every value put into it (text and
 * attribute values alike: `& < > " '`), unless the value is markup built by `html` itself.
 * Visitor and agent text is untrusted; with this tag there is no way to put it into the report
 * unescaped by accident. Used for the HTML report and its inline SVG.
 */
import { escapeHtml } from '../../src/core/escape-html.ts';

/** Markup that is safe to insert as it is. */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = Markup | string | number | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** The template tag: `html\`<p title="${title}">${text}</p>\`` escapes `title` and `text`. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new Markup(out);
}
