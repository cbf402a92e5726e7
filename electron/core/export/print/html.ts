/**
 * A tiny safe HTML builder for print templates.
 *
 * Every value interpolated into `html\`…\`` is escaped unless it is already `SafeHtml` (built by
 * this module). User text therefore can never become markup: a `<script>` typed into a meeting
 * title prints as the literal text "<script>". Print HTML is also shown in a sandboxed iframe
 * without scripts, but escaping is the first line of defence.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((v: HtmlValue) => render(v)).join('');
  return escapeHtml(value);
}

/** Tagged template: literal parts are trusted markup, every `${value}` is escaped (arrays are joined). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i += 1) {
    out += render(values[i]) + (strings[i + 1] ?? '');
  }
  return new SafeHtml(out);
}

/** Marks trusted markup (CSS built from numbers, our own constants). Never pass user text. */
export function unsafeRaw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Joins fragments with an optional trusted separator. */
export function joinHtml(parts: readonly HtmlValue[], separator: SafeHtml | string = ''): SafeHtml {
  const sep = separator instanceof SafeHtml ? separator.value : escapeHtml(separator);
  return new SafeHtml(parts.map((p) => render(p)).join(sep));
}

/** Escaped text with line breaks kept as `<br>` (multi-line user fields). */
export function textWithBreaks(value: string): SafeHtml {
  return joinHtml(value.split(/\r\n?|\n/), unsafeRaw('<br>'));
}
