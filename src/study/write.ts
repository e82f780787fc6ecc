/**
 * Study → criteria YAML that parseStudy reads back into the same Study, with a short comment over
 * each section on what it holds and what may be changed. `init` writes it, `scores --format yaml`
 * prints it, so a user starts their own file from the data in force rather than from a blank page.
 */
import { Document, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import type { DataProvenance, Study, TreeSpec } from './types.js';

/** Over each top-level key: what the section is for, in a few lines of the user's language. */
const SECTION_NOTES: Readonly<Record<string, string>> = {
  title: 'Shown above the questions; source says where the scores come from. Both are\noptional.',
  data: [
    'Where the scores come from, shown with every result: a short name for the data,',
    'its source, the day it was measured (measured_on, YYYY-MM-DD), the machine and',
    "Python, each tracker's version, how often each experiment was repeated, and the",
    'raw measurements (raw). Only name is required. If you change the scores, change',
    'name and source too, so that your results do not claim to be the data you started from.',
  ].join('\n'),
  frameworks: [
    'The trackers to choose between: at least 2. Each needs an id (lowercase letters,',
    "digits and '-', used in scores and in --json output) and a name to show, different",
    'from the other names; full_name, url and summary are optional. Ties are named in',
    'this order.',
  ].join('\n'),
  criteria: [
    'What the trackers are scored on: 1 to 20 criteria. Each has an id (what',
    '--important takes), a name, the question the questionnaire asks, what the study',
    'measured (help), one score per tracker (a number of at least 0, higher is better)',
    'and why each tracker got its score (evidence, optional). Advice adds up the scores',
    'of the criteria that matter to you. The order is the order in which the fit',
    'meets the criteria, so moving one can give a different but equally good tree.',
  ].join('\n'),
  trees: [
    'The decision trees, by name (--tree NAME): the criteria each is fitted on (all of',
    'them when it lists none) and how deep it may grow (no max_depth: no limit).',
  ].join('\n'),
  default_tree: 'The tree used when --tree is not given.',
  random_state: [
    "scikit-learn's random_state: it decides between equally good splits, so another",
    'number may give another tree, equally valid.',
  ].join('\n'),
};

const HEADER = [
  ' reprotree criteria file: the trackers to choose between, the criteria they are',
  ' scored on, and the decision trees fitted to those scores. Edit it freely: change',
  ' a score, add or drop a criterion, a tracker or a tree. Then check it with',
  ' `reprotree validate FILE` and use it with `reprotree --criteria FILE`, FILE being',
  ' the name of this file.',
].join('\n');

/** A tree's entry: its description, its criteria unless it takes all in order, its depth limit. */
function treeEntry(study: Study, tree: TreeSpec): Record<string, unknown> {
  const all = tree.criteria.length === study.criteria.length && tree.criteria.every((c, i) => c === i);
  return {
    ...(tree.description === undefined ? {} : { description: tree.description }),
    ...(all ? {} : { criteria: tree.criteria.map((c) => study.criteria[c]!.id) }),
    ...(Number.isFinite(tree.maxDepth) ? { max_depth: tree.maxDepth } : {}),
  };
}

/** The `data:` section; versions only for the frameworks that have one. */
function dataEntry(study: Study, data: DataProvenance): Record<string, unknown> {
  const optional = (key: string, value: string | undefined) => (value === undefined ? {} : { [key]: value });
  const versions = new Map(study.frameworks.flatMap((f, i) => (data.versions[i] == null ? [] : [[f.id, data.versions[i]] as const])));
  return {
    name: data.name,
    ...optional('title', data.title),
    ...optional('source', data.source),
    ...optional('measured_on', data.measuredOn),
    ...optional('machine', data.machine),
    ...optional('python', data.python),
    ...(versions.size > 0 ? { versions } : {}),
    ...(data.repetitions.length > 0 ? { repetitions: new Map(data.repetitions.map((r) => [r.experiment, r.count])) } : {}),
    ...optional('raw', data.raw),
  };
}

/** The study as plain values, in the file's key order; optional fields only where present. */
function plain(study: Study): Record<string, unknown> {
  const optional = (key: string, value: string | undefined) => (value === undefined ? {} : { [key]: value });
  // Maps, not objects, wherever ids are keys: an object would put an id like `123` first.
  const byFramework = <T>(values: readonly (T | undefined)[]) =>
    new Map(study.frameworks.flatMap((f, i) => (values[i] === undefined ? [] : [[f.id, values[i]] as const])));
  return {
    ...optional('title', study.title),
    ...optional('source', study.source),
    ...(study.data === undefined ? {} : { data: dataEntry(study, study.data) }),
    frameworks: study.frameworks.map((f) => ({
      id: f.id,
      name: f.name,
      ...optional('full_name', f.fullName),
      ...optional('url', f.url),
      ...optional('summary', f.summary),
    })),
    criteria: study.criteria.map((c) => {
      const evidence = byFramework(c.evidence);
      return {
        id: c.id,
        name: c.name,
        question: c.question,
        ...optional('help', c.help),
        scores: byFramework(c.scores),
        ...(evidence.size > 0 ? { evidence } : {}),
      };
    }),
    trees: new Map(study.trees.map((t) => [t.name, treeEntry(study, t)])),
    default_tree: study.defaultTree,
    random_state: study.randomState,
  };
}

/** The criteria file for `study`, comments included. */
export function studyToYaml(study: Study): string {
  const doc = new Document(plain(study));
  doc.commentBefore = HEADER;
  const root = doc.contents;
  if (!isMap(root)) throw new Error('a study is a mapping');
  for (const [i, pair] of root.items.entries()) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    // title and source share a note, over whichever of them comes first.
    const note = key === 'source' ? (i === 0 ? SECTION_NOTES.title : undefined) : SECTION_NOTES[key];
    if (note !== undefined && isScalar(pair.key)) {
      pair.key.commentBefore = note.replace(/^/gm, ' ');
      // The header already stands apart from the first section.
      pair.key.spaceBefore = i > 0;
    }
    if (key === 'criteria' && isSeq(pair.value)) {
      // A blank line between criteria, and each one's scores on one line, as people write them.
      pair.value.items.forEach((item, i) => {
        if (!isMap(item)) return;
        if (i > 0) item.spaceBefore = true;
        const scores = item.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'scores')?.value as Node | undefined;
        if (isMap(scores)) scores.flow = true;
      });
    }
    if (key === 'data' && isMap(pair.value)) {
      // Versions and repetitions on one line each, as a table would show them.
      for (const p of pair.value.items)
        if (isScalar(p.key) && ['versions', 'repetitions'].includes(String(p.key.value)) && isMap(p.value)) p.value.flow = true;
    }
    if (key === 'trees' && isMap(pair.value)) {
      for (const tree of pair.value.items) {
        const criteria = isMap(tree.value) ? tree.value.items.find((p) => isScalar(p.key) && p.key.value === 'criteria')?.value : undefined;
        if (isSeq(criteria)) criteria.flow = true;
      }
    }
  }
  // No folding: a long text stays on one line, where an editor can change it without reflowing.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
