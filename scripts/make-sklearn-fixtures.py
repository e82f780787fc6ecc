#!/usr/bin/python3
"""Generate scikit-learn reference fixtures for the CART fitter.

Run from the repository root:

    /usr/bin/python3 scripts/make-sklearn-fixtures.py
    /usr/bin/python3 scripts/make-sklearn-fixtures.py --check
    /usr/bin/python3 scripts/make-sklearn-fixtures.py --check-reference ../shared/reference

It needs Debian's scikit-learn 1.2.1 (`apt-get install python3-sklearn`, which
also brings numpy) and must be run with /usr/bin/python3, the interpreter that
package installs into; any other Python without that scikit-learn gives other
trees or none at all.

What it writes:

* test/fixtures/sklearn/NNN.json -- one `DecisionTreeClassifier` fitted on
  every preference profile of a random score table, with the tree's nodes and
  its `export_text`; 001-096 have 2 to 5 frameworks, 097 on have 8 to 14 and
  hundreds of classes;
* test/fixtures/sklearn-large/kKK-NN.json.gz -- trees on 17 to 20 criteria
  (up to 2^20 profiles and 200 000 nodes), stored compactly: the split
  feature of every node in node order (one character each) and SHA-256
  digests of the export_text, of the impurity array and of the value array,
  which pin down every other number of the tree;
* test/fixtures/rng.json -- known outputs of the random generators that the
  tree depends on (numpy's MT19937 legacy seeding, the seed scikit-learn's
  splitter draws from `random_state`, and scikit-learn's `our_rand_r`).

Everything is drawn from a fixed master seed, so a re-run rewrites the same
bytes. `--check` regenerates in memory and fails if any file on disk differs.
`--check-reference DIR` first rebuilds the study's trees from DIR's
study-table.json and reproducibility-table.json and compares them with DIR's
figure-1, full and figure-2 files (export text byte for byte, nodes exactly).

How a training set is built (the same as the study's notebook):

* one row per profile p in 0..2^k-1, row order p ascending; criterion i of
  profile p is (p >> (k-1-i)) & 1, so criterion 0 is the most significant bit;
* a framework's total is the sum, left to right in criterion order starting
  from 0.0, of its scores on the criteria that are 1;
* the label is the set of frameworks whose total equals the maximum total;
* class order: single frameworks alphabetically by id, then tie sets by
  descending size, then alphabetically by their ids sorted and joined with
  '+'; only sets that occur are classes; y is the index in that order;
* a class is shown as its frameworks' ids joined with '+' in the table's
  framework order.
"""

import argparse
import gzip
import json
import os
import random
import re
import sys

import numpy as np
import sklearn
from sklearn.tree import DecisionTreeClassifier, export_text

MASTER_SEED = 20230217
FIXTURE_COUNT = 96
MANY_CLASS_COUNT = 8

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE_DIR = os.path.join(REPO, "test", "fixtures", "sklearn")
LARGE_DIR = os.path.join(REPO, "test", "fixtures", "sklearn-large")
RNG_PATH = os.path.join(REPO, "test", "fixtures", "rng.json")

# Seeds whose first MT19937 output (init_genrand seeding, which is what
# np.random.RandomState(int) uses) has its low 31 bits all set: numpy's masked
# rejection sampling in randint(0, 2**31 - 1) rejects that draw, so the
# splitter seed comes from the second output. Found by an exhaustive search
# over all 2**32 seeds; the first output is 2**31 - 1 and 2**32 - 1.
REJECTED_FIRST_DRAW_SEEDS = [704738295, 726175548]

RAND_R_MAX = 0x7FFFFFFF


# ---------------------------------------------------------------- training set


def build_training_set(frameworks, criteria):
    """Return (X, y, class_sets) for a score table."""
    k = len(criteria)
    rows = []
    labels = []
    for p in range(2 ** k):
        row = [(p >> (k - 1 - i)) & 1 for i in range(k)]
        totals = {}
        for f in frameworks:
            total = 0.0
            for i, c in enumerate(criteria):
                if row[i]:
                    total = total + c["scores"][f]
            totals[f] = total
        best = max(totals.values())
        labels.append(frozenset(f for f in frameworks if totals[f] == best))
        rows.append(row)
    class_sets = sorted(set(labels), key=class_sort_key)
    index = {s: i for i, s in enumerate(class_sets)}
    X = np.array(rows, dtype=np.float64)
    y = np.array([index[s] for s in labels], dtype=np.int64)
    return X, y, class_sets


def class_sort_key(s):
    return (0 if len(s) == 1 else 1, -len(s), "+".join(sorted(s)))


def display_name(s, frameworks):
    return "+".join(f for f in frameworks if f in s)


# ------------------------------------------------------------------ tree dump


def fit_and_describe(frameworks, criteria, max_depth, random_state):
    X, y, class_sets = build_training_set(frameworks, criteria)
    names = [display_name(s, frameworks) for s in class_sets]
    criterion_ids = [c["id"] for c in criteria]
    clf = DecisionTreeClassifier(
        criterion="gini",
        splitter="best",
        max_depth=max_depth,
        random_state=random_state,
    )
    clf.fit(X, y)
    assert list(clf.classes_) == list(range(len(class_sets)))

    text = export_text(clf, feature_names=criterion_ids, max_depth=1000)
    text = re.sub(
        r"class: (\d+)$",
        lambda m: "class: " + names[int(m.group(1))],
        text,
        flags=re.M,
    )

    tree = clf.tree_
    nodes = []
    for i in range(tree.node_count):
        value = tree.value[i][0]
        counts = {}
        for c, v in enumerate(value):
            if v != 0:
                assert float(v).is_integer(), v
                counts[names[c]] = int(v)
        node = {
            "id": i,
            "samples": int(tree.n_node_samples[i]),
            "impurity": float(tree.impurity[i]),
            "counts": counts,
            "class": names[int(np.argmax(value))],
        }
        left = int(tree.children_left[i])
        right = int(tree.children_right[i])
        if left != -1:
            node["criterion"] = criterion_ids[int(tree.feature[i])]
            node["threshold"] = float(tree.threshold[i])
            node["no"] = left
            node["yes"] = right
        nodes.append(node)

    accuracy = float(np.mean(clf.predict(X) == y))
    return {
        "classes": names,
        "depth": int(clf.get_depth()),
        "leaves": int(clf.get_n_leaves()),
        "export_text": text,
        "nodes": nodes,
        "training_accuracy": accuracy,
    }


# ----------------------------------------------------- check against the study


def check_reference(ref_dir):
    def load(name):
        with open(os.path.join(ref_dir, name)) as fh:
            return fh.read()

    study = json.loads(load("study-table.json"))
    repro = json.loads(load("reproducibility-table.json"))
    cases = [
        ("figure-1", study, 3),
        ("full", study, None),
        ("figure-2", repro, 3),
    ]
    ok = True
    for name, table, depth in cases:
        got = fit_and_describe(table["frameworks"], table["criteria"], depth, 0)
        want_text = load(name + ".export.txt")
        want = json.loads(load(name + ".json"))
        problems = []
        if got["export_text"] != want_text:
            problems.append("export text differs")
        for key in ("classes", "depth", "leaves", "nodes", "training_accuracy"):
            if key in want and got[key] != want[key]:
                problems.append(key + " differs")
        # Key order of every node must match too.
        if [list(n) for n in got["nodes"]] != [list(n) for n in want["nodes"]]:
            problems.append("node key order differs")
        status = "ok" if not problems else "MISMATCH: " + ", ".join(problems)
        print("reference %-9s %s" % (name, status))
        ok = ok and not problems
    return ok


# ------------------------------------------------------------- random tables

ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-"
WORDS = [
    "memory", "runtime", "lines", "docs", "ui", "setup", "cost", "speed",
    "logging", "sweeps", "cloud", "api", "plots", "teams", "export", "hooks",
    "gpu", "storage", "latency", "search", "serve", "audit", "cli", "sdk",
]


def random_framework_id(rng):
    style = rng.randrange(4)
    if style == 0:
        n = rng.randint(1, 6)
        s = rng.choice("abcdefghijklmnopqrstuvwxyz") + "".join(
            rng.choice(ID_CHARS[:36]) for _ in range(n - 1)
        )
    elif style == 1:
        s = rng.choice(["ml", "tf", "dv", "nb", "zz", "k"]) + "-" + str(rng.randint(0, 99))
    elif style == 2:
        s = rng.choice("abcdefghijklmnopqrstuvwxyz") + str(rng.randint(0, 9))
    else:
        s = rng.choice(["zeta", "alpha", "omega", "beta", "kappa", "sigma", "tau", "mu"])
        if rng.random() < 0.5:
            s += "-" + rng.choice(["x", "2", "ng", "lite"])
    return s


def random_criterion_id(rng):
    style = rng.randrange(3)
    if style == 0:
        return rng.choice("abcdefghijklmnopqrstuvwxyz") + str(rng.randint(0, 99))
    if style == 1:
        return rng.choice("cqrx") + "-" + rng.choice(WORDS)
    return rng.choice(WORDS)


def unique_ids(rng, n, make, taken):
    out = []
    while len(out) < n:
        s = make(rng)
        if s not in taken and not s.endswith("-"):
            taken.add(s)
            out.append(s)
    return out


def clean(v):
    """Store integral scores as integers (as the study's table does)."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


DECIMALS = [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.9, 1.1, 0.35, 0.05]


def random_scores(rng, kind, frameworks, k):
    """Return scores[criterion][framework]."""
    n = len(frameworks)
    table = []
    for _ in range(k):
        if kind == "int03":
            row = [rng.randint(0, 3) for _ in range(n)]
        elif kind == "half":
            row = [rng.randint(0, 20) / 2 for _ in range(n)]
        elif kind == "half-few":
            # few distinct values: many exact ties between frameworks
            pool = [rng.randint(0, 20) / 2 for _ in range(2)]
            row = [rng.choice(pool) for _ in range(n)]
        elif kind == "decimal":
            row = [rng.choice(DECIMALS) for _ in range(n)]
        elif kind == "decimal-wide":
            row = [round(rng.uniform(0, 3), rng.choice([1, 2])) for _ in range(n)]
        elif kind == "int01":
            # many frameworks scoring 0 or 1: a great many different tie sets
            row = [rng.randint(0, 1) for _ in range(n)]
        elif kind == "solo":
            # one or two frameworks score 1 on each criterion, mostly frameworks of its own:
            # nearly every profile has a tie set of its own
            row = [0] * n
            for j in rng.sample(range(n), rng.randint(1, 2)):
                row[j] = 1
        else:
            raise ValueError(kind)
        table.append(row)
    return table


def make_table(rng, spec):
    n_fw, k, kind = spec["frameworks"], spec["criteria"], spec["kind"]
    taken = set()
    while True:
        frameworks = unique_ids(rng, n_fw, random_framework_id, taken)
        if spec["sorted_frameworks"]:
            frameworks.sort()
            break
        if frameworks != sorted(frameworks):
            break
        rng.shuffle(frameworks)
        if frameworks != sorted(frameworks):
            break
    crit_ids = unique_ids(rng, k, random_criterion_id, taken)
    base = kind.replace("+zero", "").replace("+twin", "").replace("+same", "")
    scores = random_scores(rng, base, frameworks, k)
    if "+zero" in kind:
        z = rng.randrange(n_fw)
        for row in scores:
            row[z] = 0
    if "+twin" in kind:
        # two frameworks with the same score on most criteria
        a, b = rng.sample(range(n_fw), 2)
        for row in scores:
            if rng.random() < 0.8:
                row[b] = row[a]
    if base == "decimal" and k >= 3:
        # Plant a profile where only float summation order separates two
        # frameworks: 0.1 + 0.2 != 0.3, and 0.1 + 0.2 + 0.3 != 0.3 + 0.2 + 0.1.
        a, b = rng.sample(range(n_fw), 2)
        i, j, l = sorted(rng.sample(range(k), 3))
        if rng.random() < 0.5:
            plant = {a: (0.1, 0.2, 0), b: (0, 0, 0.3)}
        else:
            plant = {a: (0.1, 0.2, 0.3), b: (0.3, 0.2, 0.1)}
        for f in range(n_fw):
            for row, v in zip((i, j, l), plant.get(f, (0, 0, 0))):
                scores[row][f] = v
    if "+same" in kind:
        # every framework has the same scores: a single class, a one-leaf tree
        for row in scores:
            for j in range(n_fw):
                row[j] = row[0]
    criteria = [
        {"id": cid, "scores": {f: clean(scores[i][j]) for j, f in enumerate(frameworks)}}
        for i, cid in enumerate(crit_ids)
    ]
    return frameworks, criteria


def order_sensitive_profiles(frameworks, criteria):
    """How many profiles' labels would change if totals were exact sums."""
    from fractions import Fraction

    k = len(criteria)
    changed = 0
    for p in range(2 ** k):
        row = [(p >> (k - 1 - i)) & 1 for i in range(k)]
        fl = {}
        ex = {}
        for f in frameworks:
            t = 0.0
            e = Fraction(0)
            for i, c in enumerate(criteria):
                if row[i]:
                    t = t + c["scores"][f]
                    e += Fraction(repr(c["scores"][f]))
            fl[f] = t
            ex[f] = e
        a = {f for f in frameworks if fl[f] == max(fl.values())}
        b = {f for f in frameworks if ex[f] == max(ex.values())}
        changed += a != b
    return changed


def plan(rng):
    """The fixture specs, varied on purpose so every tie-break path is hit.

    Each dimension is a balanced list shuffled on its own, so that the number
    of frameworks, the depth limit, the kind of scores and the seed are not
    tied to one another.
    """
    n = FIXTURE_COUNT
    kinds = (
        ["int03"] * 3 + ["half"] * 3 + ["half-few"] * 2
        + ["int03+zero", "half+zero", "int03+twin", "half+twin", "half-few+twin"]
        + ["decimal"] * 2 + ["decimal-wide"]
    )
    kinds = (kinds * n)[:n]
    depths = [1] * 14 + [2] * 14 + [3] * 20 + ["rand"] * 24 + [None] * 24
    depths = (depths * n)[:n]
    fws = ([2, 3, 4, 5] * n)[:n]
    seeds = (["zero"] + ["small"] * 2 + ["large"] * 3) * n
    seeds = seeds[:n]
    for lst in (kinds, depths, fws, seeds):
        rng.shuffle(lst)
    specs = []
    for i in range(n):
        depth = depths[i]
        if depth == "rand":
            depth = rng.randint(4, 8)
        # Unlimited trees only on up to 9 criteria, so the files stay small.
        k = rng.randint(3, 9) if depth is None else rng.randint(3, 12)
        if seeds[i] == "zero":
            seed = 0
        elif seeds[i] == "small":
            seed = rng.randint(1, 100)
        else:
            seed = rng.randint(2 ** 20, 2 ** 32 - 1)
        specs.append({
            "frameworks": fws[i],
            "criteria": k,
            "kind": kinds[i],
            "max_depth": depth,
            "random_state": seed,
            "sorted_frameworks": i % 10 == 4,
        })
    # Deliberate edge cases.
    specs[5]["random_state"] = 2 ** 32 - 1
    specs[17]["random_state"] = 2 ** 32 - 1
    specs[11]["random_state"] = REJECTED_FIRST_DRAW_SEEDS[0]
    specs[23]["random_state"] = REJECTED_FIRST_DRAW_SEEDS[0]
    specs[29]["random_state"] = REJECTED_FIRST_DRAW_SEEDS[1]
    specs[41].update(kind="half+same", max_depth=None, criteria=4)
    return specs


def generate_fixtures():
    rng = random.Random(MASTER_SEED)
    out = {}
    for n, spec in enumerate(plan(rng), start=1):
        frameworks, criteria = make_table(rng, spec)
        # One table on purpose has a single class; redraw any other that does.
        while "+same" not in spec["kind"] and len(build_training_set(frameworks, criteria)[2]) < 2:
            frameworks, criteria = make_table(rng, spec)
        if spec["kind"] == "decimal":
            # The planted profile must make summation order decide a label.
            assert order_sensitive_profiles(frameworks, criteria), n
        out["%03d.json" % n] = fixture_text(frameworks, criteria, spec)
    return out


def fixture_text(frameworks, criteria, spec):
    tree = fit_and_describe(frameworks, criteria, spec["max_depth"], spec["random_state"])
    doc = {
        "frameworks": frameworks,
        "criteria": criteria,
        "max_depth": spec["max_depth"],
        "random_state": spec["random_state"],
        "classes": tree["classes"],
        "depth": tree["depth"],
        "leaves": tree["leaves"],
        "export_text": tree["export_text"],
        "nodes": tree["nodes"],
    }
    return json.dumps(doc, indent=2) + "\n"


def many_class_specs(rng):
    """Tables with 8 to 14 frameworks and over 64 classes, where the fitter counts differently."""
    specs = []
    for i in range(MANY_CLASS_COUNT):
        depth = [None, None, 3, "rand"][i % 4]
        specs.append({
            "frameworks": rng.randint(8, 14),
            # Unlimited trees on 7 criteria keep the files small.
            "criteria": 7 if depth is None else rng.randint(7, 10),
            "kind": ["solo", "int01"][i % 2],
            "max_depth": rng.randint(4, 7) if depth == "rand" else depth,
            "random_state": [0, rng.randint(1, 100), rng.randint(2 ** 20, 2 ** 32 - 1)][i % 3],
            "sorted_frameworks": i == 5,
        })
    return specs


def generate_many_class_fixtures(first_number):
    rng = random.Random(MASTER_SEED + 2)
    out = {}
    for n, spec in enumerate(many_class_specs(rng), start=first_number):
        frameworks, criteria = make_table(rng, spec)
        while len(build_training_set(frameworks, criteria)[2]) <= 64:
            frameworks, criteria = make_table(rng, spec)
        out["%03d.json" % n] = fixture_text(frameworks, criteria, spec)
    return out


# ------------------------------------------------------------- large tables

LARGE_SPECS = [
    # (criteria, frameworks, kind, max_depth, random_state)
    (17, 3, "int03", None, 0),
    (17, 5, "half", 6, 12345),
    (18, 4, "half-few+twin", None, 2 ** 32 - 1),
    (18, 3, "decimal", 9, 42),
    (18, 10, "int01", 8, 99),
    (19, 3, "int03+zero", None, 7),
    (19, 5, "int03", 12, REJECTED_FIRST_DRAW_SEEDS[0]),
    (20, 3, "half", None, 0),
    (20, 4, "int03+twin", 14, 2 ** 31),
    (20, 12, "int01", 5, 3),
    (20, 3, "int03", None, 0),
]

FEATURE_CHARS = "abcdefghijklmnopqrst"


def fast_training_set(frameworks, criteria):
    """build_training_set with numpy, for 2^20 profiles; the same labels in the same order.

    Totals are summed criterion by criterion from 0.0, adding a score only where the criterion
    matters, exactly as the profile-by-profile loop does.
    """
    k = len(criteria)
    n = 2 ** k
    p = np.arange(n, dtype=np.int64)
    X = ((p[:, None] >> (k - 1 - np.arange(k))) & 1).astype(np.float64)
    totals = np.zeros((n, len(frameworks)))
    for i, c in enumerate(criteria):
        row = np.array([float(c["scores"][f]) for f in frameworks])
        totals = np.where(X[:, i:i + 1] == 1, totals + row, totals)
    best = totals.max(axis=1)
    masks = ((totals == best[:, None]).astype(np.int64) << np.arange(len(frameworks))).sum(axis=1)
    unique = np.unique(masks)
    sets = {int(m): frozenset(f for j, f in enumerate(frameworks) if int(m) >> j & 1) for m in unique}
    class_sets = sorted(sets.values(), key=class_sort_key)
    index = {s: i for i, s in enumerate(class_sets)}
    lookup = {m: index[s] for m, s in sets.items()}
    y = np.array([lookup[int(m)] for m in unique])[np.searchsorted(unique, masks)]
    return X, y, class_sets


def generate_large_fixtures():
    import hashlib

    # The fast labeller must agree with the plain one.
    check_rng = random.Random(MASTER_SEED + 3)
    for kind in ("int03", "decimal", "half-few+twin", "int01"):
        frameworks, criteria = make_table(check_rng, {
            "frameworks": 6, "criteria": 8, "kind": kind, "sorted_frameworks": False})
        X1, y1, c1 = build_training_set(frameworks, criteria)
        X2, y2, c2 = fast_training_set(frameworks, criteria)
        assert c1 == c2 and (y1 == y2).all() and (X1 == X2).all(), kind

    rng = random.Random(MASTER_SEED + 4)
    out = {}
    for k, n_fw, kind, max_depth, random_state in LARGE_SPECS:
        frameworks, criteria = make_table(rng, {
            "frameworks": n_fw, "criteria": k, "kind": kind, "sorted_frameworks": False})
        X, y, class_sets = fast_training_set(frameworks, criteria)
        names = [display_name(s, frameworks) for s in class_sets]
        clf = DecisionTreeClassifier(max_depth=max_depth, random_state=random_state)
        clf.fit(X, y)
        tree = clf.tree_
        text = export_text(clf, feature_names=[c["id"] for c in criteria], max_depth=1000)
        text = re.sub(r"class: (\d+)$", lambda m: "class: " + names[int(m.group(1))], text, flags=re.M)
        features = "".join("." if f < 0 else FEATURE_CHARS[f] for f in tree.feature.tolist())
        digest = lambda a: hashlib.sha256(np.ascontiguousarray(a, dtype="<f8").tobytes()).hexdigest()
        doc = {
            "frameworks": frameworks,
            "criteria": criteria,
            "max_depth": max_depth,
            "random_state": random_state,
            "classes": names,
            "depth": int(clf.get_depth()),
            "leaves": int(clf.get_n_leaves()),
            "node_count": int(tree.node_count),
            # From each leaf's class, not clf.predict: predict_proba would hold n × classes doubles.
            "training_accuracy": float(np.mean(np.argmax(tree.value[:, 0, :], axis=1)[clf.apply(X)] == y)),
            "features": features,
            "export_text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "impurity_sha256": digest(tree.impurity),
            "value_sha256": digest(tree.value[:, 0, :]),
        }
        count = sum(1 for name in out if name.startswith("k%d-" % k)) + 1
        out["k%d-%02d.json.gz" % (k, count)] = json.dumps(doc, indent=1) + "\n"
        print("k=%d %s: %d classes, %d nodes" % (k, kind, len(names), tree.node_count), file=sys.stderr)
    return out


# -------------------------------------------------------------------- rng.json


def our_rand_r(state):
    """Transcription of sklearn/utils/_random.pxd our_rand_r (scikit-learn 1.2).

    Takes and returns the uint32 state; also returns the drawn value.
    """
    if state == 0:
        state = 1
    state ^= (state << 13) & 0xFFFFFFFF
    state ^= (state >> 17) & 0xFFFFFFFF
    state ^= (state << 5) & 0xFFFFFFFF
    state &= 0xFFFFFFFF
    return state, state % (RAND_R_MAX + 1)


def splitter_seed(seed):
    return int(np.random.RandomState(seed).randint(0, RAND_R_MAX))


def first_uint32(seed, n=5):
    a = [int(v) for v in np.random.RandomState(seed).randint(0, 2 ** 32, size=n, dtype=np.uint64)]
    bg = np.random.MT19937()
    bg._legacy_seeding(seed)
    b = [int(v) for v in bg.random_raw(n)]
    assert a == b, (seed, a, b)
    return a


def generate_rng():
    assert first_uint32(5489)[0] == 3499211612  # the reference MT19937 output
    for s in REJECTED_FIRST_DRAW_SEEDS:
        draws = first_uint32(s, 2)
        assert draws[0] & RAND_R_MAX == RAND_R_MAX
        assert splitter_seed(s) == draws[1] & RAND_R_MAX

    mt_seeds = [0, 1, 42, 5489, 123456789, 2 ** 32 - 1] + REJECTED_FIRST_DRAW_SEEDS
    rng = random.Random(MASTER_SEED + 1)
    split_seeds = [0, 1, 2, 42, 5489, 2 ** 32 - 1, 2 ** 31 - 1, 2 ** 31] + REJECTED_FIRST_DRAW_SEEDS
    while len(split_seeds) < 20:
        s = rng.choice([rng.randint(3, 1000), rng.randint(1001, 2 ** 32 - 2)])
        if s not in split_seeds:
            split_seeds.append(s)

    rand_r = []
    for start in [1, 42, 2 ** 31 - 2, 0, splitter_seed(0)]:
        state = start
        steps = []
        for _ in range(8):
            state, value = our_rand_r(state)
            steps.append({"state": state, "value": value})
        rand_r.append({"start": start, "steps": steps})

    doc = {
        "generated_with": {"numpy": np.__version__, "scikit-learn": sklearn.__version__},
        "notes": {
            "mt19937": "first_uint32: the first raw 32-bit outputs of np.random.RandomState(seed) "
                       "(init_genrand seeding), read with randint(0, 2**32, dtype=uint64) and "
                       "checked against MT19937._legacy_seeding(seed).random_raw().",
            "splitter_seed": "value = np.random.RandomState(seed).randint(0, 2**31 - 1): the rand_r "
                             "state scikit-learn's splitter starts from for random_state=seed. "
                             "704738295 and 726175548 have a first draw whose low 31 bits are all "
                             "set, which numpy rejects, so their value comes from the second draw.",
            "rand_r": "From a Python transcription of scikit-learn's our_rand_r "
                      "(sklearn/utils/_random.pxd, a cdef function that cannot be called from "
                      "Python): if state == 0 then state = 1; state ^= state << 13; "
                      "state ^= state >> 17; state ^= state << 5 (all uint32); "
                      "value = state % 2**31. Each step lists the new state and the value returned.",
        },
        "mt19937": [{"seed": s, "first_uint32": first_uint32(s)} for s in mt_seeds],
        "splitter_seed": [{"seed": s, "value": splitter_seed(s)} for s in split_seeds],
        "rand_r": rand_r,
    }
    return json.dumps(doc, indent=2) + "\n"


# ------------------------------------------------------------------------ main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="compare with the files on disk instead of writing them")
    ap.add_argument("--check-reference", metavar="DIR",
                    help="first check the study's reference trees in DIR")
    args = ap.parse_args()

    if sklearn.__version__ != "1.2.1":
        print("warning: scikit-learn %s, the fixtures were made with 1.2.1" % sklearn.__version__,
              file=sys.stderr)

    if args.check_reference and not check_reference(args.check_reference):
        return 1

    files = {os.path.join(FIXTURE_DIR, name): text for name, text in generate_fixtures().items()}
    many = generate_many_class_fixtures(FIXTURE_COUNT + 1)
    files.update({os.path.join(FIXTURE_DIR, name): text for name, text in many.items()})
    files[RNG_PATH] = generate_rng()
    files.update({os.path.join(LARGE_DIR, name): text for name, text in generate_large_fixtures().items()})
    dirs = (FIXTURE_DIR, LARGE_DIR)

    def on_disk(path):
        """The file's text; .gz files are compared by content (gzip bytes vary with zlib)."""
        with open(path, "rb") as fh:
            data = fh.read()
        return (gzip.decompress(data) if path.endswith(".gz") else data).decode("utf-8")

    def ours(path):
        return os.path.isdir(os.path.dirname(path)) and (path.endswith(".json") or path.endswith(".json.gz"))

    if args.check:
        stale = []
        for path, text in files.items():
            try:
                if on_disk(path) != text:
                    stale.append(path)
            except FileNotFoundError:
                stale.append(path)
        extra = sorted(
            os.path.join(d, n) for d in dirs if os.path.isdir(d) for n in os.listdir(d)
            if ours(os.path.join(d, n)) and os.path.join(d, n) not in files
        )
        for path in stale + extra:
            print("out of date: " + os.path.relpath(path, REPO))
        print("%d files checked" % len(files))
        return 1 if stale or extra else 0

    for d in dirs:
        os.makedirs(d, exist_ok=True)
        for name in os.listdir(d):
            if ours(os.path.join(d, name)) and os.path.join(d, name) not in files:
                os.remove(os.path.join(d, name))
    for path, text in files.items():
        data = text.encode("utf-8")
        with open(path, "wb") as fh:
            # mtime=0: the same table gives the same bytes on every run.
            fh.write(gzip.compress(data, mtime=0) if path.endswith(".gz") else data)
    print("wrote %d fixtures and %s" % (len(files) - 1, os.path.relpath(RNG_PATH, REPO)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
