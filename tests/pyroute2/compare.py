"""Compares a pytest JUnit report of pyroute2's test_ipr with known-gaps.txt.

Usage: compare.py JUNIT.xml KNOWN-GAPS.txt MODE   (MODE: iplab or kernel)

A test is named "FILE::TEST[PARAMS]" relative to test_linux/test_ipr.
In iplab mode the last line is "N passed, M failed": N tests passed; a
failure is a test that failed (or errored) and is not a known gap, or a
known gap that now passes (known gaps count as neither). In kernel mode every outcome is listed and failures are counted.
"""
import sys
import xml.etree.ElementTree as ET


def outcomes(path):
    result = {}
    for case in ET.parse(path).iter('testcase'):
        cls = case.get('classname', '')
        module = cls.rsplit('.', 1)[-1]
        name = f"{module}.py::{case.get('name')}"
        if case.find('skipped') is not None:
            result[name] = 'skipped'
        elif case.find('failure') is not None or case.find('error') is not None:
            result[name] = 'failed'
        else:
            result[name] = 'passed'
    return result


def known_gaps(path):
    gaps = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            name, _, why = line.partition('#')
            gaps[name.strip()] = why.strip()
    return gaps


def main():
    report, gaps_file, mode = sys.argv[1:4]
    res = outcomes(report)
    passed = sorted(n for n, o in res.items() if o == 'passed')
    failed = sorted(n for n, o in res.items() if o == 'failed')
    skipped = sorted(n for n, o in res.items() if o == 'skipped')
    if mode == 'kernel':
        for n in failed:
            print('FAIL', n)
        print(f'{len(skipped)} skipped')
        print(f'{len(passed)} passed, {len(failed)} failed')
        return 0
    gaps = known_gaps(gaps_file)
    new = [n for n in failed if n not in gaps]
    fixed = [n for n in passed if n in gaps]
    for n in new:
        print('FAIL (not a known gap)', n)
    for n in fixed:
        print('PASSES NOW (remove from known-gaps.txt)', n)
    print(f'{len(passed)} tests pass, {len(failed)} fail ({len(failed) - len(new)} known gaps), {len(skipped)} skipped')
    bad = len(new) + len(fixed)
    print(f'{len(passed)} passed, {bad} failed')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
