/**
 * The marked experiments (auto-logging, the scikit-learn and Keras deep dives, collaboration),
 * lines of code and the 2026 facts, as tables: one column per tracker, one row per item, the mark
 * as the rule counted it. Below each table, per tracker, what the probe read back from the
 * tracker's store and the workaround snippet behind every "(+)".
 */
import { COMPONENTS, ITEMS, SHARED_ITEMS } from '../../measure/format.js';
import type { CriterionId, FactItem, Facts, FactsRecord, LinesRecord, Mark, MarkExperiment, MarksRecord, Tracker } from '../../measure/format.js';
import { approx, COMPONENT_NAMES, ITEM_NAMES, oneLine, plain } from '../../measure/words.js';
import { capital, criterion } from './context.js';
import type { Context } from './context.js';
import { details, esc, idOf, link, text, wideTable } from './html.js';

/** What a mark means, for screen readers and for the key under each table. */
const MARK_WORDS: Record<Mark, string> = { '+': 'stored', '(+)': 'stored with a workaround', '-': 'not stored' };
const MARK_POINTS: Record<Mark, number> = { '+': 1, '(+)': 0.5, '-': 0 };
const COLLABORATION_WORDS: Record<Mark, string> = { '+': 'included', '(+)': 'needs a paid plan', '-': 'not offered' };

/** A mark as shown: the sign (the minus sign, not a hyphen) and, for screen readers, its meaning. */
function markHtml(mark: Mark, words: Record<Mark, string>): string {
  const sign = mark === '-' ? '−' : mark;
  const cls = mark === '+' ? 'yes' : mark === '(+)' ? 'part' : 'no';
  return `<span class="mark ${cls}" aria-hidden="true">${sign}</span><span class="vh">${esc(words[mark])}</span>`;
}

const itemName = (item: string) => ITEM_NAMES[item] ?? item;

/** One tracker's marks for one record (a task of auto-logging), or why there are none. */
interface Column {
  readonly record?: MarksRecord;
  readonly reason?: string;
  /** What the rule counted, per item. */
  readonly marks: ReadonlyMap<string, Mark>;
  /** Per item, the marks on each task where they differ. */
  readonly perTask: ReadonlyMap<string, string>;
}

function worst(marks: readonly Mark[]): Mark {
  return marks.reduce((a, b) => (MARK_POINTS[b] < MARK_POINTS[a] ? b : a));
}

/** A tracker's column: for auto-logging the worst mark over the tasks, as the rule counts it. */
function columnOf(ctx: Context, experiment: MarkExperiment, t: Tracker): Column & { records: MarksRecord[] } {
  const items: readonly string[] = ITEMS[experiment];
  const measured = experiment === 'auto-logging' ? ctx.data.keysOf('auto-logging', 'task') : [];
  // Without a task anyone measured (or for the other experiments), one record without one.
  const tasks: (string | undefined)[] = measured.length > 0 ? measured : [undefined];
  const found = tasks.map((task) => ({ task, f: ctx.data.find<MarksRecord>(experiment, t, task === undefined ? {} : { task }) }));
  const records = found.flatMap((x) => (x.f.record ? [x.f.record] : []));
  const reason = found.find((x) => x.f.reason)?.f.reason;
  const marks = new Map<string, Mark>();
  const perTask = new Map<string, string>();
  for (const item of items) {
    const each = found.map((x) => x.f.record?.items.get(item) ?? '-');
    marks.set(item, worst(each));
    if (new Set(each).size > 1) perTask.set(item, found.map((x, i) => `${each[i] === '-' ? '−' : each[i]} on ${x.task}`).join(', '));
  }
  return { records, reason: records.length === found.length ? undefined : reason, marks, perTask };
}

function snippetId(experiment: string, tracker: string, item: string, task?: string): string {
  return idOf('snippet', experiment, tracker, task ?? '', item);
}

/** The cell of one item: the mark, a link to its snippet where it has one, per-task marks if they differ. */
function cell(experiment: MarkExperiment, t: Tracker, col: Column & { records: MarksRecord[] }, item: string, words: Record<Mark, string>): string {
  const mark = col.marks.get(item)!;
  const withSnippet = col.records.find((r) => r.snippets.has(item));
  let shown = markHtml(mark, words);
  if (withSnippet) shown = `<a href="#${snippetId(experiment, t.id, item, withSnippet.task)}">${shown}</a>`;
  const tasks = col.perTask.get(item);
  return `<td class="mark-cell">${shown}${tasks ? `<small>${esc(tasks)}</small>` : ''}</td>`;
}

/** The table: items down, trackers across, the criterion's points in the footer. */
function marksTable(
  ctx: Context,
  experiment: MarkExperiment,
  caption: string,
  rows: readonly { readonly item: string; readonly from: MarkExperiment }[],
  scoreOf: CriterionId | undefined,
  words: Record<Mark, string>,
): string {
  const columns = new Map<MarkExperiment, (Column & { records: MarksRecord[] })[]>();
  const columnsOf = (e: MarkExperiment) => {
    if (!columns.has(e))
      columns.set(
        e,
        ctx.trackers.map((t) => columnOf(ctx, e, t)),
      );
    return columns.get(e)!;
  };
  const head = `<tr><th scope="col">Item</th>${ctx.trackers.map((t) => `<th scope="col">${esc(t.name)}</th>`).join('')}</tr>`;
  let body = '';
  let group: MarkExperiment | undefined;
  for (const { item, from } of rows) {
    if (from !== experiment && group !== from) {
      body += `<tr class="group"><th scope="rowgroup" colspan="${ctx.trackers.length + 1}">Shared with the scikit-learn deep dive (they do not depend on the library)</th></tr>`;
    }
    group = from;
    const cols = columnsOf(from);
    body += `<tr><th scope="row">${esc(capital(itemName(item)))}</th>${ctx.trackers.map((t, i) => cell(from, t, cols[i]!, item, words)).join('')}</tr>`;
  }
  const unmeasured = ctx.trackers.map((_, i) => columnsOf(experiment)[i]!.reason);
  if (unmeasured.some((r) => r !== undefined)) {
    body += `<tr class="reason"><th scope="row">Not measured</th>${unmeasured.map((r) => text('td', r === undefined ? '' : oneLine(r, 120))).join('')}</tr>`;
  }
  const foot =
    scoreOf === undefined
      ? ''
      : `<tfoot><tr><th scope="row">Points</th>${criterion(ctx, scoreOf)
          .scores.map((s) => text('td', plain(s), ' class="num"'))
          .join('')}</tr></tfoot>`;
  const key = `<p class="key">${(['+', '(+)', '-'] as const).map((m) => `${markHtml(m, words).replace(' aria-hidden="true"', '')}`).join(' ')}</p>`;
  return (
    wideTable(caption, `<table class="marks"><caption>${esc(caption)}</caption><thead>${head}</thead><tbody>${body}</tbody>${foot}</table>`) + key
  );
}

/**
 * A short account of a free-form value the probe read back, cut to `budget` characters: fields
 * as `name: value`, lists joined, a matched metric as `key = value`, and a mapping of names to
 * the same names (parameters found under their own names) as the list of names.
 */
export function describeValue(value: unknown, budget = 320, depth = 0): string {
  let out: string;
  if (value === null || value === undefined) out = 'none';
  else if (typeof value === 'boolean') out = value ? 'yes' : 'no';
  else if (typeof value === 'number') out = Number.isInteger(value) ? String(value) : approx(value);
  else if (typeof value === 'string') out = oneLine(value, 100);
  else if (Array.isArray(value)) {
    if (value.length === 0) out = 'none';
    else {
      const shown = value.slice(0, 8).map((v) => describeValue(v, 100, depth + 1));
      out = shown.join(', ') + (value.length > 8 ? `, … (${value.length} in all)` : '');
    }
  } else if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const entries = Object.entries(record);
    if (typeof record.key === 'string' && 'value' in record) out = `${record.key} = ${describeValue(record.value, 40, depth + 1)}`;
    else if (entries.length === 0) out = 'none';
    else if (entries.every(([k, v]) => k === v)) out = entries.map(([k]) => k).join(', ');
    else if (depth >= 3) out = entries.map(([k]) => k).join(', ');
    else {
      out = entries.map(([k, v]) => `${k}: ${describeValue(v, 160, depth + 1)}`).join('; ');
      if (depth > 0) out = `(${out})`;
    }
  } else out = String(value);
  return out.length > budget ? `${out.slice(0, budget - 1)}…` : out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The snippet's text in a collapsed block, or why it is not there. A file already shown for the
 * tracker (the same snippet on another task) is linked to instead of repeated.
 */
function snippetBlock(ctx: Context, path: string, id: string, shown: Map<string, string>): string {
  const earlier = shown.get(path);
  if (earlier !== undefined)
    return `<p id="${id}"><span class="label">Snippet</span> <a href="#${earlier}"><code>${esc(path)}</code></a>, as above</p>`;
  shown.set(path, id);
  const s = ctx.input.snippets.get(path);
  const body = s?.text !== undefined ? `<pre><code>${esc(s.text)}</code></pre>` : `<p>${esc(s?.missing ?? 'The file was not read.')}</p>`;
  return details(`Snippet <code>${esc(path)}</code>`, body, ` id="${id}" class="snippet"`);
}

/** Per item of one record: the mark, what the default run stored, and the snippet and what it stored. */
function readbackList(ctx: Context, r: MarksRecord, items: readonly string[], words: Record<Mark, string>, shown: Map<string, string>): string {
  const rb = isObject(r.readback) ? r.readback : {};
  const entries = items.map((item) => {
    const mark = r.items.get(item) ?? '-';
    const parts: string[] = [];
    const note = r.notes.get(item);
    if (note) parts.push(`<p>${esc(`Note: ${note.replace(/\.$/, '')}.`)}</p>`);
    const found = rb[item];
    if (isObject(found)) {
      if (found.default !== undefined) parts.push(`<p><span class="label">Default run</span> ${esc(describeValue(found.default))}</p>`);
      if (isObject(found.snippet)) {
        const { finding, verified, kind } = found.snippet;
        const how = [typeof kind === 'string' ? kind : '', verified === true ? 'verified' : verified === false ? 'not verified' : '']
          .filter(Boolean)
          .join(', ');
        parts.push(`<p><span class="label">With the snippet${how ? ` (${esc(how)})` : ''}</span> ${esc(describeValue(finding))}</p>`);
      }
    }
    const source = r.sources.get(item);
    if (source) parts.push(`<p><span class="label">Source</span> ${link(source.url, source.url)}, checked ${esc(source.checked)}</p>`);
    const path = r.snippets.get(item);
    if (path) parts.push(snippetBlock(ctx, path, snippetId(r.experiment, r.tracker, item, r.task), shown));
    return `<dt>${esc(capital(itemName(item)))} ${markHtml(mark, words)}</dt><dd>${parts.join('') || '<p>Nothing more recorded.</p>'}</dd>`;
  });
  return `<dl class="readback">${entries.join('')}</dl>`;
}

/** "Run 3f2a…: FINISHED; 8 parameters, 14 metrics, 6 tags; 7 files": the run the probe read back. */
function storedLine(r: MarksRecord): string {
  const rb = isObject(r.readback) ? r.readback : {};
  const stored = rb.stored;
  if (!isObject(stored)) return '';
  const files = Array.isArray(stored.files) ? stored.files : [];
  const counts = (['params', 'metrics', 'tags'] as const)
    .filter((k) => typeof stored[k] === 'number')
    .map((k) => `${stored[k]} ${k === 'params' ? 'parameters' : k}`);
  const id = typeof stored.run_id === 'string' ? `run ${stored.run_id}` : 'the run';
  const status = typeof stored.status === 'string' ? `, ${stored.status}` : '';
  const fileList = files
    .slice(0, 12)
    .map((f) => (isObject(f) ? `${String(f.path ?? '')}${typeof f.size === 'number' ? ` (${f.size} bytes)` : ''}` : String(f)))
    .join('; ');
  return `<p>${esc(`Read back from ${id}${status}: ${counts.join(', ') || 'no counts'}; ${files.length} file${files.length === 1 ? '' : 's'}${fileList ? `: ${fileList}` : ''}${files.length > 12 ? '; …' : ''}.`)}</p>`;
}

/** Per tracker, a collapsed account of every record of the experiment. */
function readbacks(ctx: Context, experiment: MarkExperiment, words: Record<Mark, string>): string {
  const items: readonly string[] = ITEMS[experiment];
  const blocks = ctx.trackers.map((t) => {
    const col = columnOf(ctx, experiment, t);
    if (col.records.length === 0) return details(`${esc(t.name)}: nothing to show`, `<p>${esc(col.reason ?? 'not measured')}</p>`);
    const shown = new Map<string, string>();
    const body = col.records
      .map((r) => `${r.task ? `<h3>${esc(`${t.name}, task ${r.task}`)}</h3>` : ''}${storedLine(r)}${readbackList(ctx, r, items, words, shown)}`)
      .join('');
    const what =
      experiment === 'collaboration' ? 'notes and sources' : col.records.some((r) => r.readback !== undefined) ? 'what was read back' : 'notes';
    return details(`${esc(t.name)}: ${what}`, body, ' class="tracker-readback"');
  });
  return `<div class="readbacks">${blocks.join('')}</div>`;
}

function rows(experiment: MarkExperiment): { item: string; from: MarkExperiment }[] {
  const own = ITEMS[experiment].map((item) => ({ item, from: experiment }));
  return experiment === 'keras' ? [...own, ...SHARED_ITEMS.map((item) => ({ item, from: 'sklearn' as const }))] : own;
}

const CAPTIONS: Record<MarkExperiment, string> = {
  'auto-logging': 'What each tracker stores of a scikit-learn run on its own',
  sklearn: 'What each tracker keeps of a scikit-learn deep-dive run',
  keras: 'What each tracker keeps of a Keras run',
  collaboration: 'Ways of sharing runs',
};

export function marksSection(ctx: Context, experiment: MarkExperiment): string {
  const words = experiment === 'collaboration' ? COLLABORATION_WORDS : MARK_WORDS;
  const tasks = experiment === 'auto-logging' ? ctx.data.keysOf('auto-logging', 'task') : [];
  const worstNote =
    tasks.length > 1
      ? `<p>${esc(`Two tasks (${tasks.join(', ')}): each cell is the worse mark of the two, as the rule counts it; where they differ, both are given.`)}</p>`
      : '';
  const anyReadback = ctx.set.records.some((r) => r.experiment === experiment && 'readback' in r && r.readback !== undefined);
  const noReadback =
    !anyReadback && experiment !== 'collaboration' ? '<p>This data set gives marks only: nothing was read back from a tracker’s store.</p>' : '';
  return `${worstNote}${marksTable(ctx, experiment, CAPTIONS[experiment], rows(experiment), experiment, words)}${noReadback}${readbacks(ctx, experiment, words)}`;
}

export function linesSection(ctx: Context): string {
  const found = COMPONENTS.map((component) => ctx.trackers.map((t) => ctx.data.find<LinesRecord>('lines', t, { component })));
  const body = COMPONENTS.map((component, k) => {
    const counts = found[k]!.map((f) => f.record?.added);
    const known = counts.filter((c): c is number => c !== undefined);
    const fewest = known.length > 0 ? Math.min(...known) : undefined;
    const cells = found[k]!.map((f) => {
      if (!f.record) return text('td', oneLine(f.reason ?? '', 80));
      const note = f.record.note ? ` <small>${esc(`the study writes “${f.record.note}”`)}</small>` : '';
      const isFewest = f.record.added === fewest;
      return `<td class="num${isFewest ? ' best' : ''}">${f.record.added}${isFewest ? '<span class="vh"> (fewest)</span>' : ''}${note}</td>`;
    });
    return `<tr><th scope="row">${esc(capital(COMPONENT_NAMES[component]))}</th>${cells.join('')}</tr>`;
  }).join('');
  const c = criterion(ctx, 'lines');
  const foot = `<tfoot><tr><th scope="row">Points by the rule</th>${c.rule.map((s) => text('td', plain(s), ' class="num"')).join('')}</tr>${
    c.override ? `<tr><th scope="row">Points published (used)</th>${c.scores.map((s) => text('td', plain(s), ' class="num"')).join('')}</tr>` : ''
  }</tfoot>`;
  const head = `<tr><th scope="col">Part of the run</th>${ctx.trackers.map((t) => `<th scope="col">${esc(t.name)}</th>`).join('')}</tr>`;
  const caption = 'Code lines each tracker adds to the same script (the fewest in bold)';
  const scripts = ctx.trackers
    .flatMap((t, i) =>
      COMPONENTS.map((_, k) => found[k]![i]!.record).flatMap((r) =>
        r?.script ? [`${t.name}: ${r.script}${r.baseline ? ` against ${r.baseline}` : ''}`] : [],
      ),
    )
    .map((s) => `<li>${esc(s)}</li>`);
  return (
    wideTable(caption, `<table><caption>${esc(caption)}</caption><thead>${head}</thead><tbody>${body}</tbody>${foot}</table>`) +
    (scripts.length > 0 ? details('The scripts compared', `<ul>${scripts.join('')}</ul>`) : '')
  );
}

/** One fact of a tracker in words: what was found, or why it was not. */
function factText(item: FactItem, facts: Facts): string {
  const f = facts[item];
  if (f === undefined) return 'not in the record';
  if (f.status === 'not-measured') return `not measured: ${f.why}`;
  if ('spdx' in f) {
    const pkg = f.spdx ?? f.declared ?? 'no licence stated';
    return `package: ${pkg}${f.osiClassifier ? ' (OSI-approved, by its classifier)' : ''}; server: ${f.server}`;
  }
  if ('mark' in f) return f.mark === '+' ? 'yes, without a paid plan' : f.mark === '(+)' ? 'only with a paid plan or licence' : 'no';
  if ('latest' in f) return `${f.latest}, released ${f.released.slice(0, 10)}${f.yanked ? ' (yanked)' : ''}`;
  return f.ok
    ? `installed, imported and ran a run on Python ${f.python ?? '3.12'}`
    : `failed at the ${f.failedStep ?? 'unknown'} step on Python ${f.python ?? '3.12'}`;
}

/** The fact behind one of the 2026 criteria: per tracker, what was found and where from. */
export function factSection(ctx: Context, item: FactItem): string {
  const records = ctx.trackers.map((t) => ctx.data.find<FactsRecord>('facts', t, {}));
  const body = ctx.trackers
    .map((t, i) => {
      const f = records[i]!;
      if (!f.record) return `<tr><th scope="row">${esc(t.name)}</th>${text('td', oneLine(f.reason ?? '', 80))}</tr>`;
      const source = f.record.sources.get(item);
      const note = f.record.notes.get(item);
      return `<tr><th scope="row">${esc(t.name)}</th><td>${esc(factText(item, f.record.facts))}${note ? ` <small>${esc(oneLine(note, 200))}</small>` : ''}${source ? ` <small>(${link('source', source.url)}, <span class="nowrap">${esc(source.checked)}</span>)</small>` : ''}</td></tr>`;
    })
    .join('');
  const what: Record<FactItem, string> = {
    licence: 'Licences of the package and of its server',
    'self-hosting': 'Self-hosting without a paid plan',
    maintained: 'Latest release on PyPI',
    'python-3.12': 'Installing and running on Python 3.12',
  };
  const caption = `${what[item]}: what was found, with its source and the date it was checked`;
  return wideTable(
    caption,
    `<table class="facts"><caption>${esc(caption)}</caption><thead><tr><th scope="col">Tracker</th><th scope="col">Found</th></tr></thead><tbody>${body}</tbody></table>`,
  );
}
