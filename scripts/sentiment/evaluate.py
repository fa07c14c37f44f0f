#!/usr/bin/env python3
"""Figures for Concierge's sentiment scorer next to VADER's, in one run.

    python3 scripts/sentiment/evaluate.py [--binary PATH] [--folds 5] [--data DIR] [--baseline vader_baseline.py]

For each of tweets.tsv and movieReviewSnippets.tsv it prints vader_baseline.py's JSON for:
  vader           VADER itself (pip install vaderSentiment)
  shipped         the shipped lexicon (learned on all of both sets: optimistic, the data was seen)
  k-fold          each sentence scored by a lexicon learned without its fold (same folds as learn_lexicon.py)
  cross-domain    scored by a lexicon learned on the *other* set only (the nearest thing to an unseen domain)
Scores come from the real binary (`concierge sentiment --lexicon FILE`), not from the Python mirror.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import learn_lexicon  # noqa: E402


def run_binary(binary, texts, lexicon=None):
    args = [binary, "sentiment"] + (["--lexicon", lexicon] if lexicon else [])
    out = subprocess.run(args, input="\n".join(texts) + "\n", capture_output=True, text=True, check=True).stdout
    return [line.split("\t")[0] for line in out.splitlines()]


def baseline(script, tsv, scores=None):
    args = [sys.executable, script, "score", tsv]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        if scores is not None:
            f.write("\n".join(scores) + "\n")
            args += ["--scores", f.name]
    result = json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)
    os.unlink(f.name)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build-release", "release", "concierge"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--data", default="/work/shared/benchmarks/sentiment")
    parser.add_argument("--baseline", default="/work/shared/benchmarks/vader_baseline.py")
    args = parser.parse_args()
    rows = learn_lexicon.load_sets(args.data)
    seed = learn_lexicon.load_seed()
    tmp = tempfile.mkdtemp(prefix="sentiment-eval-")
    folds = []
    for f in range(args.folds):
        path = os.path.join(tmp, f"fold{f}.tsv")
        learn_lexicon.write(learn_lexicon.learn([r for i, r in enumerate(rows) if i % args.folds != f], seed), path)
        folds.append(path)
    for d, name in enumerate(learn_lexicon.SETS):
        tsv = os.path.join(args.data, name)
        idx = [i for i, r in enumerate(rows) if r[0] == d]
        texts = [rows[i][2] for i in idx]
        print(json.dumps({"scorer": "vader", **baseline(args.baseline, tsv)}))
        print(json.dumps({"scorer": "concierge shipped lexicon", **baseline(args.baseline, tsv, run_binary(args.binary, texts))}))
        held_out = [None] * len(idx)
        for f, path in enumerate(folds):
            scores = run_binary(args.binary, texts, path)
            for j, i in enumerate(idx):
                if i % args.folds == f:
                    held_out[j] = scores[j]
        print(json.dumps({"scorer": f"concierge {args.folds}-fold", **baseline(args.baseline, tsv, held_out)}))
        other = os.path.join(tmp, f"without-{name}")
        learn_lexicon.write(learn_lexicon.learn([r for r in rows if r[0] != d], seed), other)
        print(json.dumps({"scorer": "concierge cross-domain (learned on the other set only)",
                          **baseline(args.baseline, tsv, run_binary(args.binary, texts, other))}))


if __name__ == "__main__":
    main()
