/**
 * Where the numbers come from: the data set and its source, the files read, each tracker's
 * version, Python and environment, the machines, the dates and how many repetitions each
 * experiment ran. A reader should be able to tell from this section alone whether two reports
 * can be compared.
 */
import { provenanceOf } from '../../measure/criteria.js';
import { EXPERIMENTS } from '../../measure/format.js';
import { approx, listing } from '../../measure/words.js';
import { when } from './context.js';
import type { Context } from './context.js';
import { details, esc, link, text, wideTable } from './html.js';

function gib(bytes: number): string {
  return `${approx(bytes / 1024 ** 3)} GiB`;
}

/** "30", "1 to 3": the repetitions the records of an experiment ran. */
function repetitions(ctx: Context, experiment: string): string {
  const counts = ctx.set.records
    .filter((r) => r.experiment === experiment && r.status === 'ok')
    .map((r) => r.repetitions)
    .filter((n): n is number => typeof n === 'number');
  if (counts.length === 0) return 'not given';
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  return lo === hi ? String(lo) : `${lo} to ${hi}`;
}

function trackersTable(ctx: Context): string {
  const head = ['Tracker', 'Version', 'Status', 'Python', 'Environment made', 'Installed from'];
  const rows = ctx.trackers.map((t) => {
    const env = ctx.set.environments.get(t.id);
    const status = t.status === 'ok' ? 'ok' : t.status === 'install-failed' ? 'did not install' : 'did not import';
    const made = [
      env?.date === undefined ? undefined : when(env.date),
      env?.installSeconds === undefined ? undefined : `install ${approx(env.installSeconds)} s`,
    ]
      .filter(Boolean)
      .join(', ');
    return `<tr><th scope="row">${link(t.fullName ?? t.name, t.url)}</th>${[
      t.version ?? 'not recorded',
      status,
      env?.python ?? '–',
      made || '–',
      env?.requirements ?? '–',
    ]
      .map((x) => text('td', x))
      .join('')}</tr>`;
  });
  const caption = 'Trackers and their environments';
  return wideTable(
    caption,
    `<table><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
  );
}

function machinesTable(ctx: Context): string {
  const p = provenanceOf(ctx.set);
  if (p.machines.length === 0) return '';
  const rows = p.machines.map((m) => {
    const env = [...ctx.set.environments.values()].find((e) => e.machine === m.id);
    const cells = [
      env?.cpu ?? '–',
      env?.cores === undefined ? '–' : String(env.cores),
      env?.memoryBytes === undefined ? '–' : gib(env.memoryBytes),
      env?.platform ?? '–',
    ];
    return `<tr><th scope="row">${esc(m.label)}</th>${cells.map((c) => text('td', c)).join('')}</tr>`;
  });
  const caption = 'Machines';
  return wideTable(
    caption,
    `<table><caption>${caption}</caption><thead><tr><th scope="col">Machine</th><th scope="col">CPU</th><th scope="col">Cores</th><th scope="col">Memory</th><th scope="col">Platform</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
  );
}

function repetitionsTable(ctx: Context): string {
  const present = EXPERIMENTS.filter((e) => ctx.set.records.some((r) => r.experiment === e));
  const rows = present.map((e) => {
    const records = ctx.set.records.filter((r) => r.experiment === e);
    const failed = records.filter((r) => r.status !== 'ok').length;
    return `<tr><th scope="row">${esc(e)}</th>${text('td', repetitions(ctx, e), ' class="num"')}${text('td', String(records.length), ' class="num"')}${text('td', String(failed), ' class="num"')}</tr>`;
  });
  const caption = 'Repetitions per experiment';
  return wideTable(
    caption,
    `<table><caption>${caption}</caption><thead><tr><th scope="col">Experiment</th><th scope="col">Repetitions</th><th scope="col">Records</th><th scope="col">Failed or unsupported</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
  );
}

function freezes(ctx: Context): string {
  const blocks = ctx.trackers.flatMap((t) => {
    const freeze = ctx.set.environments.get(t.id)?.pipFreeze;
    return freeze && freeze.length > 0
      ? [details(`${esc(t.name)}: ${freeze.length} Python packages`, `<pre><code>${esc(freeze.join('\n'))}</code></pre>`)]
      : [];
  });
  return blocks.length > 0 ? `<h3>Installed packages</h3>${blocks.join('')}` : '';
}

export function provenanceSection(ctx: Context): string {
  const p = provenanceOf(ctx.set);
  const facts: [string, string][] = [['Data set', p.dataSet]];
  if (p.title) facts.push(['Title', p.title]);
  if (p.source) facts.push(['Source', p.source]);
  if (p.date) facts.push(['Date of the source', p.date]);
  if (p.measured)
    facts.push(['Environments measured', p.measured.first === p.measured.last ? p.measured.first : `${p.measured.first} to ${p.measured.last}`]);
  const times = ctx.set.records.flatMap((r) => [r.started, r.finished]).filter((d): d is string => d !== undefined);
  const sorted = [...times].sort();
  if (sorted.length > 0) facts.push(['Measured', `${when(sorted[0]!)} to ${when(sorted.at(-1)!)}`]);
  facts.push(['Files read', listing([...ctx.input.files])]);
  facts.push(['Report made', ctx.input.generated]);
  const list = `<dl class="facts-list">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
  const overrides =
    p.overrides.length > 0
      ? `<h3>Published scores kept</h3><ul>${p.overrides.map((o) => `<li>${esc(`${o.criterion}: ${o.why}`)}</li>`).join('')}</ul>`
      : '';
  // A list rather than a table: each substitution is a few sentences, which a phone's columns would squeeze.
  const substitutions =
    p.substitutions.length > 0
      ? `<h3>Substitutions: what differs from the study's set-up, and why</h3><dl class="facts-list">${p.substitutions
          .map((s) => `<dt>${esc(s.experiment)}</dt><dd>${esc(`The study: ${s.study}. Here: ${s.here}. Why: ${s.why.replace(/\.$/, '')}.`)}</dd>`)
          .join('')}</dl>`
      : '';
  return `${list}${trackersTable(ctx)}${machinesTable(ctx)}${repetitionsTable(ctx)}${substitutions}${overrides}${freezes(ctx)}`;
}
