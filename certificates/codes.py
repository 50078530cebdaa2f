"""Verification codes: 80 random bits as 16 Crockford base-32 characters (XXXX-XXXX-XXXX-XXXX).

Crockford's alphabet leaves out I, L, O and U, and reading is forgiving: case is ignored and
O/I/L are read as 0/1/1, so a code copied by hand from paper still verifies.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
BITS = 80
LENGTH = BITS // 5
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    value = secrets.randbits(BITS)
    chars = []
    for _ in range(LENGTH):
        value, index = divmod(value, 32)
        chars.append(ALPHABET[index])
    return "".join(reversed(chars))


def normalise(text: str) -> str | None:
    """The canonical 16 characters for what someone typed, or None if it cannot be a code."""
    cleaned = re.sub(r"[\s-]", "", str(text or "")).upper().translate(_READ_AS)
    if len(cleaned) != LENGTH or any(char not in ALPHABET for char in cleaned):
        return None
    return cleaned


def display(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, LENGTH, 4))
