"""Reading question banks from other LMSs: GIFT and Moodle XML parsers, pure (no database).

Parsers turn a file's bytes into neutral ParsedQuestion records plus the problems they found;
services.py turns those into Question rows through the answer blocks' own validation.
"""
