#!/usr/bin/env python3
"""The include rules of lib/ (docs/architecture.md):

  - every source file lives in a part's folder, lib/<part>/, and no .c file at lib/'s top;
  - an include names its part ("base/date.h"), and that part is the includer's own or one
    listed before it in lib/parts.txt (the one place the order is written);
  - no circle of includes between files: a file is its .c and .h together, so a.c
    including b.h and b.c including a.h is a circle too;
  - a header declares only what its own .c file defines, so that an include says which
    file is used (a header declaring the functions of several files would hide circles).

usage: check-includes.py LIBDIR          check the tree, print every problem, exit 1 if any
       check-includes.py --self-test LIBDIR
                                         copy the tree, make an include go backwards and
                                         one close a circle, and require that both fail
"""
import os
import re
import shutil
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
PUBLIC = {'retour.h'}  # include/, below every part


def read_parts(lib):
    with open(os.path.join(lib, 'parts.txt')) as fh:
        return [line.strip() for line in fh if line.strip()]


def sources(lib, parts):
    """(problems, {unit: [(included unit, line)]}, {unit: part}) for the tree under lib."""
    problems, edges, part_of = [], {}, {}
    rank = {p: i for i, p in enumerate(parts)}
    for entry in sorted(os.listdir(lib)):
        path = os.path.join(lib, entry)
        if os.path.isfile(path) and entry.endswith(('.c', '.h')):
            problems.append('lib/%s: a source file outside every part (move it into lib/<part>/)'
                            % entry)
        elif os.path.isdir(path) and entry not in rank:
            problems.append('lib/%s/: a folder that lib/parts.txt does not list' % entry)
    for part in parts:
        folder = os.path.join(lib, part)
        if not os.path.isdir(folder):
            problems.append('lib/parts.txt lists %s, but lib/%s/ does not exist' % (part, part))
            continue
        for name in sorted(os.listdir(folder)):
            if not name.endswith(('.c', '.h')):
                continue
            unit = part + '/' + name[:-2]
            part_of[unit] = part
            edges.setdefault(unit, [])
            with open(os.path.join(folder, name)) as fh:
                text = fh.read()
            for m in INCLUDE.finditer(text):
                target = m.group(1)
                line = text.count('\n', 0, m.start()) + 1
                where = 'lib/%s/%s:%d' % (part, name, line)
                if target in PUBLIC:
                    continue
                if '/' not in target:
                    problems.append('%s: #include "%s" does not name its part (write "<part>/%s")'
                                    % (where, target, target))
                    continue
                to_part = target.split('/', 1)[0]
                if to_part not in rank:
                    problems.append('%s: #include "%s": no part %s in lib/parts.txt'
                                    % (where, target, to_part))
                    continue
                if not os.path.isfile(os.path.join(lib, target)):
                    problems.append('%s: #include "%s": no such file' % (where, target))
                    continue
                if rank[to_part] > rank[part]:
                    problems.append('%s: #include "%s" goes up, from part %s to part %s '
                                    '(lib/parts.txt: %s)'
                                    % (where, target, part, to_part, ' < '.join(parts)))
                    continue
                to_unit = target[:-2]
                if to_unit != unit:
                    edges[unit].append((to_unit, where))
    return problems, edges, part_of


def circles(edges):
    """Every circle of includes found by one depth-first walk, each as a list of units."""
    found, state, stack = [], {}, []

    def walk(unit):
        state[unit] = 'open'
        stack.append(unit)
        for to, _ in edges.get(unit, []):
            if state.get(to) == 'open':
                found.append(stack[stack.index(to):] + [to])
            elif to not in state:
                walk(to)
        stack.pop()
        state[unit] = 'done'

    for unit in sorted(edges):
        if unit not in state:
            walk(unit)
    return found


DECLARED = re.compile(r'^(?!static|typedef)[A-Za-z][^;{}#()=]*?\b(retour__\w+)\s*'
                      r'(?:\([^;{}]*\)|\[[^\]]*\])?\s*;', re.M)
DEFINED = re.compile(r'^(?!static|typedef|extern)[A-Za-z][^;{}#()=]*?\b(retour__\w+)\s*'
                     r'(?:\([^;{}]*\)\s*\{|(?:\[[^\]]*\])?\s*=)', re.M)


def declarations(lib, part_of):
    """Problems: a header's declaration that a .c file other than its own defines."""
    definer, problems = {}, []
    for unit in sorted(part_of):
        path = os.path.join(lib, unit + '.c')
        if os.path.isfile(path):
            with open(path) as fh:
                for m in DEFINED.finditer(fh.read()):
                    definer.setdefault(m.group(1), unit)
    for unit in sorted(part_of):
        path = os.path.join(lib, unit + '.h')
        if not os.path.isfile(path):
            continue
        with open(path) as fh:
            text = fh.read()
        for m in DECLARED.finditer(text):
            name, by = m.group(1), definer.get(m.group(1))
            if by is not None and by != unit:
                line = text.count('\n', 0, m.start(1)) + 1
                problems.append('lib/%s.h:%d: declares %s, which lib/%s.c defines (declare it '
                                'in lib/%s.h)' % (unit, line, name, by, by))
    return problems


def check(lib):
    parts = read_parts(lib)
    problems, edges, part_of = sources(lib, parts)
    problems += declarations(lib, part_of)
    for circle in circles(edges):
        problems.append('a circle of includes: %s' % ' -> '.join(circle))
    return problems


def self_test(lib):
    """The check must pass on the tree and fail on each of two broken copies."""
    if check(lib):
        print('self-test: the tree itself fails the check; run it without --self-test')
        return 1
    parts = read_parts(lib)
    low = parts[0]
    low_source = next(n for n in sorted(os.listdir(os.path.join(lib, low))) if n.endswith('.c'))
    # The highest part that has a header to include.
    high, high_header = next((part, n) for part in reversed(parts)
                             for n in sorted(os.listdir(os.path.join(lib, part)))
                             if n.endswith('.h'))
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        # 1: the lowest part includes a header of the highest.
        copy = os.path.join(tmp, 'up')
        shutil.copytree(lib, copy)
        with open(os.path.join(copy, low, low_source), 'a') as fh:
            fh.write('#include "%s/%s"\n' % (high, high_header))
        problems = check(copy)
        if not any('goes up' in p for p in problems):
            print('self-test: an include from %s up to %s was not caught' % (low, high))
            status = 1
        else:
            print('self-test: caught: ' + next(p for p in problems if 'goes up' in p))
        # 2: two files of one part include each other.
        copy = os.path.join(tmp, 'circle')
        shutil.copytree(lib, copy)
        a, b = os.path.join(copy, low, 'circle_a.h'), os.path.join(copy, low, 'circle_b.h')
        with open(a, 'w') as fh:
            fh.write('#include "%s/circle_b.h"\n' % low)
        with open(b, 'w') as fh:
            fh.write('#include "%s/circle_a.h"\n' % low)
        problems = check(copy)
        if not any('circle' in p for p in problems):
            print('self-test: a circle between two files of %s was not caught' % low)
            status = 1
        else:
            print('self-test: caught: ' + next(p for p in problems if 'circle' in p))
    return status


def main(argv):
    if len(argv) == 3 and argv[1] == '--self-test':
        return self_test(argv[2])
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    problems = check(argv[1])
    for p in problems:
        print(p)
    if problems:
        print('%d problem(s) with lib/\'s includes (docs/architecture.md)' % len(problems))
        return 1
    print('lib/: every include goes down, no circles')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
