/**
 * A small document model — headings, paragraphs, lists, tables, notes — so that one description
 * of a result renders as terminal text (with or without colour) and as Markdown alike.
 */
import type { Style } from './style.js';
import { displayWidth, padEnd, padStart, wrap } from './terminal-text.js';

export type Tone = 'strong' | 'dim' | 'good' | 'warn' | 'code' | 'accent';
export interface Span {
  readonly text: string;
  readonly tone?: Tone;
}
export type Line = string | readonly Span[];

export type Block =
  | { readonly kind: 'heading'; readonly text: Line }
  | { readonly kind: 'para'; readonly text: Line }
  | { readonly kind: 'note'; readonly text: Line }
  | { readonly kind: 'list'; readonly items: readonly Line[]; readonly ordered?: boolean }
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: readonly (readonly Line[])[];
      /** 'r' right-aligns a column (numbers). */
      readonly align: readonly ('l' | 'r')[];
      /** Rows drawn with a rule above them (totals). */
      readonly footer?: number;
      /** How many leading columns name a row (1 when not given): a stacked layout puts them first. */
      readonly labels?: number;
    };

export const span = (text: string, tone?: Tone): Span => (tone ? { text, tone } : { text });

function spans(line: Line): readonly Span[] {
  return typeof line === 'string' ? [{ text: line }] : line;
}

export function plain(line: Line): string {
  return spans(line)
    .map((s) => s.text)
    .join('');
}

function styled(line: Line, style: Style): string {
  return spans(line)
    .map((s) => {
      switch (s.tone) {
        case 'strong':
          return style.bold(s.text);
        case 'dim':
          return style.dim(s.text);
        case 'good':
          return style.bold(style.green(s.text));
        case 'warn':
          return style.yellow(s.text);
        case 'code':
          return style.cyan(s.text);
        case 'accent':
          return style.magenta(s.text);
        default:
          return s.text;
      }
    })
    .join('');
}

export function toText(blocks: readonly Block[], style: Style, width = 80): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(style.bold(styled(b.text, style)));
        break;
      case 'para':
        out.push(wrap(styled(b.text, style), width).join('\n'));
        break;
      case 'note':
        out.push(wrap(style.yellow('! ') + styled(b.text, style), width, '  ').join('\n'));
        break;
      case 'list':
        out.push(
          b.items
            .map((item, i) => {
              const bullet = b.ordered ? `${i + 1}. ` : '- ';
              return wrap('  ' + bullet + styled(item, style), width, ' '.repeat(2 + bullet.length)).join('\n');
            })
            .join('\n'),
        );
        break;
      case 'table':
        out.push(textTable(b, style));
        break;
    }
    out.push('');
  }
  return out.join('\n');
}

function textTable(t: Extract<Block, { kind: 'table' }>, style: Style): string {
  const cells = t.rows.map((r) => r.map((c) => styled(c, style)));
  const widths = t.header.map((h, i) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const fmt = (row: readonly string[]) =>
    '  ' +
    row
      .map((c, i) => (t.align[i] === 'r' ? padStart(c, widths[i]!) : padEnd(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  const lines = [style.dim(fmt(t.header))];
  cells.forEach((r, i) => {
    if (t.footer !== undefined && i === t.rows.length - t.footer) {
      lines.push(style.dim('  ' + widths.map((w) => '─'.repeat(w)).join('  ')));
    }
    lines.push(fmt(r));
  });
  return lines.join('\n');
}

function md(line: Line): string {
  return spans(line)
    .map((s) => {
      const text = s.tone === 'code' ? s.text : s.text.replace(/([\\`*_[\]|<>])/g, '\\$1');
      // Markdown emphasis must hug its text: keep surrounding spaces outside the markers.
      const [, lead, body, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
      if (body === '') return text;
      if (s.tone === 'strong' || s.tone === 'good') return `${lead}**${body}**${trail}`;
      if (s.tone === 'code') return `${lead}\`${body}\`${trail}`;
      // Dimmed text is de-emphasis on a terminal; in Markdown it reads best plain.
      return text;
    })
    .join('');
}

export function toMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  let first = true;
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`${first ? '##' : '###'} ${md(b.text)}`);
        break;
      case 'para':
        out.push(md(b.text));
        break;
      case 'note':
        out.push(`> **Note:** ${md(b.text)}`);
        break;
      case 'list':
        out.push(b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${md(item)}`).join('\n'));
        break;
      case 'table': {
        const head = `| ${b.header.map((h) => md(h)).join(' | ')} |`;
        const rule = `|${b.align.map((a) => (a === 'r' ? ' ---: ' : ' --- ')).join('|')}|`;
        const rows = b.rows.map((r) => `| ${r.map((c) => md(c)).join(' | ')} |`);
        out.push([head, rule, ...rows].join('\n'));
        break;
      }
    }
    first = false;
    out.push('');
  }
  return out.join('\n');
}
