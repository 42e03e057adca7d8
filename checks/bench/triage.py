#!/usr/bin/env python3
"""Applies checks/bench/real-world-triage.tsv to the real-world findings and prints the tables
and triage lists of docs/accuracy.md (markdown), and every sampled finding no rule matched.

Usage: checks/bench/triage.py BEFORE_DIR AFTER_DIR   (each as written by checks/bench/real-world.sh)
The triage sample is BEFORE_DIR/<codebase>/sample.findings (all findings, or 100 drawn with a fixed
seed). Findings removed by the fixes are those of the sample missing from AFTER's findings; since
the after findings are a subset of the before findings, the sampled ones still reported are a
uniform sample of the after findings, so the after rates are estimated on them.
"""
import os
import re
import sys

RULES = ["SleepInEventLoop", "BlockingIoInEventLoop", "BlockingWaitInEventLoop",
         "NonYieldingLoopInEventLoop", "UnawaitedFuture", "UnsubscribedPublisher"]
SHORT = ["Sleep", "Io", "Wait", "Loop", "Unawaited", "Unsub"]
CODEBASES = ["vertx-core", "vertx-web-client", "reactor-netty-http", "lettuce-core", "r2dbc-postgresql"]
KEY = re.compile(r"^(.*?\.java:\d+): \[(\w+)\]")


def load_rules(path):
    rules = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            pattern, verdict, reason = line.rstrip("\n").split("\t")
            rules.append((re.compile(pattern), verdict, reason))
    return rules


def lines(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip()]


def key(finding):
    m = KEY.match(finding)
    return (m.group(1), m.group(2)) if m else (finding, "?")


def by_rule(findings):
    counts = [0] * len(RULES)
    for f in findings:
        rule = key(f)[1]
        if rule in RULES:
            counts[RULES.index(rule)] += 1
    return "/".join(str(c) for c in counts)


def summary(path):
    out = {}
    for l in lines(path):
        if l.startswith("files: "):
            m = re.match(r"files: (\d+) compiled of (\d+), (\d+) left out; lines: (\d+)", l)
            out.update(files=m.group(1), all=m.group(2), left=m.group(3), lines=m.group(4))
        if l.startswith("scanner findings: "):
            out["scanner"] = l.split(":")[1].split(";")[0].strip()
    return out


def main(before_dir, after_dir):
    rules = load_rules(os.path.join(os.path.dirname(os.path.abspath(__file__)), "real-world-triage.tsv"))
    table, lists, unmatched = [], [], []
    totals = {"before": [0, 0, 0], "after": [0, 0, 0]}
    per_rule = {r: {"before": [0, 0, 0], "after": [0, 0, 0]} for r in RULES}
    for cb in CODEBASES:
        before = lines(os.path.join(before_dir, cb, "errorprone.findings"))
        after = lines(os.path.join(after_dir, cb, "errorprone.findings"))
        sample = lines(os.path.join(before_dir, cb, "sample.findings"))
        if not before:
            continue
        after_by_key = {key(f): f for f in after}
        s = summary(os.path.join(after_dir, cb, "summary.txt")) or summary(os.path.join(before_dir, cb, "summary.txt"))
        counts = {"before": [0, 0, 0], "after": [0, 0, 0]}
        entries = []
        def judge(f):
            for pattern, v, r in rules:
                if pattern.search(f):
                    return v, r
            unmatched.append(cb + ": " + f[:300])
            return None, None

        for f in sample:
            verdict, reason = judge(f)
            if verdict is None:
                continue
            index = ["TP", "FP", "debatable"].index(verdict)
            counts["before"][index] += 1
            where, rule = key(f)
            if rule in per_rule:
                per_rule[rule]["before"][index] += 1
            later = after_by_key.get(key(f))
            after_note = "gone"
            if later is not None:
                # The same place may now be reported for another reason (a longer chain): judge that text.
                after_verdict, after_reason = judge(later) if later != f else (verdict, reason)
                if after_verdict is None:
                    continue
                after_index = ["TP", "FP", "debatable"].index(after_verdict)
                counts["after"][after_index] += 1
                after_note = "reported" if later == f else f"reported as {after_verdict}: {after_reason}"
                if rule in per_rule:
                    per_rule[rule]["after"][after_index] += 1
            entries.append(f"| `{where}` | {rule} | {verdict} | {after_note} | {reason} |")
        for phase in totals:
            totals[phase] = [a + b for a, b in zip(totals[phase], counts[phase])]

        def rate(c):
            n = sum(c)
            return f"{c[0]}/{c[1]}/{c[2]} ({100 * c[1] / n:.0f} % FP)" if n else "-"
        table.append(f"| {cb} | {s.get('lines', '?')} | {s.get('files', '?')} of {s.get('all', '?')} | "
                     f"{len(before)} ({by_rule(before)}) | {len(after)} ({by_rule(after)}) | {len(sample)} | "
                     f"{rate(counts['before'])} | {rate(counts['after'])} | {s.get('scanner', '?')} |")
        lists.append(f"\n### {cb}: {len(sample)} findings triaged"
                     f"{' (a seeded sample of ' + str(len(before)) + ')' if len(sample) < len(before) else ''}\n")
        lists.append("| where | rule | verdict | after the fixes | reason |\n|---|---|---|---|---|")
        lists.extend(entries)
    print("| codebase | lines | files compiled | Error Prone findings before (" + "/".join(SHORT) + ") | after | triaged | before TP/FP/debatable | after TP/FP/debatable | scanner findings |")
    print("|---|---|---|---|---|---|---|---|---|")
    print("\n".join(table))
    b, a = totals["before"], totals["after"]
    print(f"| **all** | | | | | {sum(b)} | {b[0]}/{b[1]}/{b[2]} ({100 * b[1] / max(1, sum(b)):.0f} % FP) | "
          f"{a[0]}/{a[1]}/{a[2]} ({100 * a[1] / max(1, sum(a)):.0f} % FP) | |")
    print("\n| rule | before TP/FP/debatable | after TP/FP/debatable |\n|---|---|---|")
    for r in RULES:
        b, a = per_rule[r]["before"], per_rule[r]["after"]
        if sum(b):
            print(f"| {r} | {b[0]}/{b[1]}/{b[2]} ({100 * b[1] / sum(b):.0f} % FP) | "
                  f"{a[0]}/{a[1]}/{a[2]} ({100 * a[1] / max(1, sum(a)):.0f} % FP) |")
    print("\n".join(lists))
    if unmatched:
        print("\nUNMATCHED (add a rule to real-world-triage.tsv):", file=sys.stderr)
        for u in unmatched:
            print("  " + u, file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
