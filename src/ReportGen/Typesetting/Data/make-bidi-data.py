#!/usr/bin/env python3
"""Writes bidi.txt, the Unicode data Typesetting/Bidi.cs reads, from the Unicode Character Database
as Debian's unicode-data package installs it (apt-get install unicode-data):
extracted/DerivedBidiClass.txt (every code point's bidi class, defaults included), BidiMirroring.txt
and BidiBrackets.txt. Usage: python3 make-bidi-data.py [/usr/share/unicode] > bidi.txt"""
import sys, re
ucd = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/unicode'
classes = {}
for line in open(f'{ucd}/extracted/DerivedBidiClass.txt', encoding='utf-8'):
    line = line.split('#')[0].strip()
    if not line: continue
    cps, cls = [f.strip() for f in line.split(';')]
    a, _, b = cps.partition('..')
    for c in range(int(a, 16), int(b or a, 16) + 1): classes[c] = cls
version = re.search(r'DerivedBidiClass-([\d.]+)\.txt', open(f'{ucd}/extracted/DerivedBidiClass.txt', encoding='utf-8').readline())
print(f'# Unicode {version.group(1) if version else "?"} bidi data for ReportGen (Typesetting/Bidi.cs), made by make-bidi-data.py.')
print('# C first last class: classes by range (code points not listed are L); M a b: b mirrors a; P open close: a bracket pair.')
start, prev = None, None
for c in range(0x110000):
    cls = classes.get(c, 'L')
    if cls != prev:
        if prev not in (None, 'L'): print(f'C {start:X} {c - 1:X} {prev}')
        start, prev = c, cls
if prev != 'L': print(f'C {start:X} 10FFFF {prev}')
for line in open(f'{ucd}/BidiMirroring.txt', encoding='utf-8'):
    line = line.split('#')[0].strip()
    if line:
        a, b = [f.strip() for f in line.split(';')]
        print(f'M {a} {b}')
for line in open(f'{ucd}/BidiBrackets.txt', encoding='utf-8'):
    line = line.split('#')[0].strip()
    if line:
        a, b, t = [f.strip() for f in line.split(';')]
        if t == 'o': print(f'P {a} {b}')
