/**
 * Writing HTML by hand, safely: every piece of text from a measurement file goes through `esc`,
 * which escapes what could end an element or an attribute and replaces the control characters
 * HTML forbids, so a tracker's error message cannot inject markup or break the page.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (or an attribute value) for HTML; form feeds and other controls become U+FFFD. */
export function esc(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** An id made of a prefix and names from the data: letters, digits and '-' only, unique if the names are. */
export function idOf(...parts: readonly (string | number)[]): string {
  return parts.map((p) => String(p).replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)).join('-');
}

/** An element with text content (escaped). */
export function text(tag: string, content: string, attributes = ''): string {
  return `<${tag}${attributes}>${esc(content)}</${tag}>`;
}

/** ` href="…"`: a link target, only web addresses; anything else (javascript:, data:) gives none. */
export function href(url: string | undefined): string {
  return url !== undefined && /^https?:\/\/[^\s]+$/i.test(url) ? ` href="${esc(url)}"` : '';
}

/** A link to a web page, or the plain text when the address is not one. */
export function link(label: string, url: string | undefined): string {
  const target = href(url);
  return target ? `<a${target}>${esc(label)}</a>` : esc(label);
}

/** A collapsed block: a summary line and what it hides. */
export function details(summary: string, body: string, attributes = ''): string {
  return `<details${attributes}><summary>${summary}</summary>${body}</details>`;
}

/**
 * A table that may be wider than a phone: it scrolls inside its own box (a named region,
 * focusable so that keyboard users can scroll it too) instead of widening the page.
 */
export function wideTable(label: string, table: string): string {
  return `<section class="wide" aria-label="${esc(label)}" tabindex="0">${table}</section>`;
}
