/**
 * The decision at the top of the report: every criterion's scores with the rule that gave them,
 * the totals, published scores kept in place of the rule's (shown as such), and the failures,
 * substitutions and gaps that a reader must know before trusting a number.
 */
import { helpText } from '../../measure/criteria.js';
import type { CriterionResult } from '../../measure/rules.js';
import { plain } from '../../measure/words.js';
import type { Context } from './context.js';
import { esc, text, wideTable } from './html.js';

/** The evidence behind one criterion's scores, tracker by tracker, for the end of its section. */
export function evidenceBlock(ctx: Context, c: CriterionResult): string {
  const rows = ctx.trackers
    .map((t, i) => `<tr><th scope="row">${esc(t.name)}</th>${text('td', plain(c.scores[i]!), ' class="num"')}${text('td', c.evidence[i]!)}</tr>`)
    .join('');
  const caption = `${c.name}: each tracker's points and the numbers behind them`;
  const table = `<table class="evidence"><caption>${esc(caption)}</caption><thead><tr><th scope="col">Tracker</th><th scope="col">Points</th><th scope="col">Why</th></tr></thead><tbody>${rows}</tbody></table>`;
  return `<details class="how"><summary>How each tracker scored</summary>${wideTable(caption, table)}</details>`;
}

/** The rule of a criterion, in the words of the criteria file's help. */
export function ruleText(ctx: Context, c: CriterionResult): string {
  return helpText(c.id, ctx.set, c.override !== undefined);
}

/** Whether every tracker scores the same, so that the criterion cannot change any advice. */
function allEqual(c: CriterionResult): boolean {
  return c.scores.every((s) => s === c.scores[0]);
}

function scoreCell(c: CriterionResult, i: number): string {
  const s = c.scores[i]!;
  const best = !allEqual(c) && s === Math.max(...c.scores);
  const rule = c.rule[i]!;
  const overridden = c.override !== undefined && rule !== s ? `<small>rule: ${plain(rule)}</small>` : '';
  return `<td class="num${best ? ' best' : ''}">${plain(s)}${best ? '<span class="vh"> (highest)</span>' : ''}${overridden}</td>`;
}

function scoresTable(ctx: Context): string {
  const head = `<tr><th scope="col">Criterion (most points)</th>${ctx.trackers.map((t) => `<th scope="col">${esc(t.name)}</th>`).join('')}</tr>`;
  const body = ctx.table.criteria
    .map((c) => {
      const flags = [
        c.override ? 'published scores, not the rule’s' : '',
        allEqual(c) ? 'the same for every tracker: it cannot change the advice' : '',
      ].filter(Boolean);
      const label = `<a href="#${c.id}">${esc(c.name)}</a> (${plain(c.max)})${flags.map((f) => `<small>${esc(f)}</small>`).join('')}`;
      return `<tr><th scope="row">${label}</th>${ctx.trackers.map((_, i) => scoreCell(c, i)).join('')}</tr>`;
    })
    .join('');
  const totals = ctx.trackers.map((_, i) => ctx.table.criteria.reduce((sum, c) => sum + c.scores[i]!, 0));
  const top = Math.max(...totals);
  const foot = `<tfoot><tr><th scope="row">Total of all rows</th>${totals
    .map((t) => `<td class="num${t === top ? ' best' : ''}">${plain(t)}${t === top ? '<span class="vh"> (highest)</span>' : ''}</td>`)
    .join('')}</tr></tfoot>`;
  const caption = 'Scores by criterion, in the order of the study’s Table 11 (the highest in bold)';
  return wideTable(caption, `<table class="scores"><caption>${esc(caption)}</caption><thead>${head}</thead><tbody>${body}</tbody>${foot}</table>`);
}

function rulesList(ctx: Context): string {
  const items = ctx.table.criteria.map((c) => `<dt><a href="#${c.id}">${esc(c.name)}</a></dt><dd>${esc(ruleText(ctx, c))}</dd>`);
  return `<h3>How each criterion is scored</h3><dl class="rules">${items.join('')}</dl>`;
}

/** Failures, substitutions and published scores kept: said plainly, before any detail. */
function warnings(ctx: Context): string {
  const out: string[] = [];
  for (const t of ctx.trackers) {
    if (t.status === 'ok') continue;
    const how = t.status === 'install-failed' ? 'did not install' : 'did not import';
    out.push(
      `<li><strong>${esc(`${t.name} ${how}`)}</strong>${t.error ? `: <code>${esc(t.error.slice(0, 600))}</code>` : ''}. ${esc('It is scored as storing nothing and as the slowest and heaviest tracker everywhere.')}</li>`,
    );
  }
  for (const s of ctx.set.substitutions) {
    out.push(
      `<li><strong>${esc(`Substitution in ${s.experiment}`)}</strong>: ${esc(`${s.here}, in place of ${s.study}, because ${s.why.replace(/\.$/, '')}.`)}</li>`,
    );
  }
  for (const c of ctx.table.criteria) {
    if (!c.override) continue;
    out.push(`<li><strong>${esc(`${c.name}: published scores used`)}</strong>. ${esc(c.override.why)}</li>`);
  }
  const failedRecords = ctx.set.records.filter((r) => r.status !== 'ok' && ctx.trackers.find((t) => t.id === r.tracker)?.status === 'ok');
  if (failedRecords.length > 0) {
    const list = failedRecords.map((r) => {
      const t = ctx.trackers.find((x) => x.id === r.tracker)!;
      const what = r.status === 'failed' ? `failed: ${r.error ?? ''}` : `not supported: ${r.why ?? ''}`;
      return `${t.name}, ${r.experiment}: ${what}`;
    });
    out.push(`<li><strong>Measurements that failed or are not supported</strong>: ${list.map((l) => esc(l.slice(0, 300))).join('; ')}.</li>`);
  }
  if (out.length === 0) return '';
  return `<div class="alert" role="note"><h3>Read this first</h3><ul>${out.join('')}</ul></div>`;
}

function notesList(ctx: Context): string {
  const notes = [...new Set([...ctx.table.notes, ...ctx.table.criteria.flatMap((c) => c.notes)])];
  if (notes.length === 0) return '';
  return `<details><summary>${esc(`Gaps and ties the rules noted (${notes.length})`)}</summary><ul>${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></details>`;
}

export function scoresSection(ctx: Context): string {
  return `${warnings(ctx)}${scoresTable(ctx)}${notesList(ctx)}${rulesList(ctx)}`;
}
