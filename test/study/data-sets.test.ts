/** Loading the bundled data sets by name: their files, their names, and what is said when one is missing. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATA_SET_NAMES, DATA_SETS } from '../../src/paths.js';
import { hasDataSet, loadDataSet } from '../../src/study/load.js';
import { UserError } from '../../src/errors.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the bundled data sets', () => {
  it('each one present is named in its own data section by the name --data takes', async () => {
    for (const name of DATA_SET_NAMES.filter(hasDataSet)) {
      const study = await loadDataSet(name);
      expect(study.dataSet).toBe(name);
      expect(study.data?.name).toBe(name);
    }
    expect(hasDataSet('study-2021')).toBe(true);
  });

  it('a missing one is "not measured yet" unless the build had it, when the install is broken', async () => {
    const missing = { ...DATA_SETS['trackers-2026'], criteria: '/nonexistent/trackers-2026.yaml' };
    const paths = await import('../../src/paths.js');
    const original = paths.DATA_SETS['trackers-2026'];
    Object.assign(paths.DATA_SETS, { 'trackers-2026': missing });
    try {
      await expect(loadDataSet('trackers-2026')).rejects.toThrow(/has not been measured for this version of reprotree yet; use --data study-2021/);
      vi.stubGlobal('__REPROTREE_DATA_SETS__', ['study-2021', 'trackers-2026']);
      const broken = loadDataSet('trackers-2026');
      await expect(broken).rejects.toThrow(UserError);
      await expect(broken).rejects.toThrow(
        'The trackers-2026 data set is missing from this installation (/nonexistent/trackers-2026.yaml is not there); reinstall reprotree.',
      );
    } finally {
      Object.assign(paths.DATA_SETS, { 'trackers-2026': original });
    }
  });
});
