"""A small QR code encoder (ISO/IEC 18004) that draws an SVG on the server: no package, no network.

Only what the visit code needs: byte mode, error correction level M (15% of the symbol may be
damaged), versions 1 to 10 (up to 213 bytes: a link with the code fits). The best of the eight
masks is chosen by the standard's penalty rules, as phone cameras expect. Checked module by
module against a reference encoder in tests/unit/test_qr_code.py.
"""

from __future__ import annotations

from functools import lru_cache

# Level M, versions 1-10: error correction codewords per block, and the number of blocks.
_EC_PER_BLOCK = (0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26)
_BLOCKS = (0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5)
MAX_VERSION = 10
_FORMAT_LEVEL_M = 0  # the two bits level M writes into the format information


class TooLong(ValueError):
    """The text does not fit in a version 10 symbol."""


def qr_matrix(text: str, mask: int | None = None) -> list[list[bool]]:
    """The modules of the symbol for `text`, row by row; True is dark. No quiet zone.

    `mask` forces one of the eight masks (tests compare each with a reference); by default the
    one with the lowest penalty is used.
    """
    data = text.encode("utf-8")
    version = _smallest_version(len(data))
    codewords = _add_error_correction(_data_codewords(data, version), version)
    best: list[list[bool]] | None = None
    best_penalty = 0
    for mask in range(8) if mask is None else (mask,):
        grid, reserved = _function_patterns(version)
        _place(grid, reserved, codewords)
        _apply_mask(grid, reserved, mask)
        _draw_format(grid, mask)
        penalty = _penalty(grid)
        if best is None or penalty < best_penalty:
            best, best_penalty = grid, penalty
    return best


def qr_svg(text: str, *, quiet_zone: int = 4) -> str:
    """The symbol as a standalone SVG (one path, crisp edges), scalable to any size."""
    grid = qr_matrix(text)
    size = len(grid) + 2 * quiet_zone
    cells = "".join(f"M{x + quiet_zone},{y + quiet_zone}h1v1h-1z"
                    for y, row in enumerate(grid) for x, dark in enumerate(row) if dark)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges">'
            f'<rect width="{size}" height="{size}" fill="#fff"/><path d="{cells}" fill="#000"/></svg>')


# ---- the data ---------------------------------------------------------------------------------


def _raw_modules(version: int) -> int:
    """Modules left for data and error correction once the function patterns are drawn."""
    result = (16 * version + 128) * version + 64
    if version >= 2:
        aligns = version // 7 + 2
        result -= (25 * aligns - 10) * aligns - 55
        if version >= 7:
            result -= 36
    return result


def _data_capacity(version: int) -> int:
    """Data codewords of a level M symbol of `version`."""
    return _raw_modules(version) // 8 - _EC_PER_BLOCK[version] * _BLOCKS[version]


def _count_bits(version: int) -> int:
    return 8 if version <= 9 else 16


def _smallest_version(length: int) -> int:
    for version in range(1, MAX_VERSION + 1):
        if 4 + _count_bits(version) + 8 * length <= 8 * _data_capacity(version):
            return version
    raise TooLong(f"{length} bytes do not fit in a QR code of version {MAX_VERSION}")


def _data_codewords(data: bytes, version: int) -> list[int]:
    bits: list[int] = []

    def put(value: int, count: int) -> None:
        bits.extend((value >> i) & 1 for i in reversed(range(count)))

    put(0b0100, 4)  # byte mode
    put(len(data), _count_bits(version))
    for byte in data:
        put(byte, 8)
    capacity = 8 * _data_capacity(version)
    put(0, min(4, capacity - len(bits)))  # terminator
    put(0, -len(bits) % 8)
    pad = 0xEC
    while len(bits) < capacity:
        put(pad, 8)
        pad ^= 0xEC ^ 0x11
    return [int("".join(map(str, bits[i:i + 8])), 2) for i in range(0, len(bits), 8)]


def _add_error_correction(data: list[int], version: int) -> list[int]:
    """Split into blocks, add each block's Reed-Solomon codewords, interleave."""
    blocks_count, ec_len = _BLOCKS[version], _EC_PER_BLOCK[version]
    total = _raw_modules(version) // 8
    short_blocks = blocks_count - total % blocks_count
    short_len = total // blocks_count - ec_len  # data codewords in a short block
    divisor = _rs_divisor(ec_len)
    blocks, start = [], 0
    for i in range(blocks_count):
        length = short_len + (0 if i < short_blocks else 1)
        chunk = data[start:start + length]
        start += length
        blocks.append((chunk, _rs_remainder(chunk, divisor)))
    result = [chunk[i] for i in range(short_len + 1) for chunk, _ in blocks if i < len(chunk)]
    result += [ec[i] for i in range(ec_len) for _, ec in blocks]
    return result


def _gf_multiply(x: int, y: int) -> int:
    """Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1."""
    z = 0
    for i in reversed(range(8)):
        z = (z << 1) ^ ((z >> 7) * 0x11D)
        z ^= ((y >> i) & 1) * x
    return z


@lru_cache(maxsize=None)
def _rs_divisor(degree: int) -> tuple[int, ...]:
    result = [0] * (degree - 1) + [1]
    root = 1
    for _ in range(degree):
        for j in range(degree):
            result[j] = _gf_multiply(result[j], root)
            if j + 1 < degree:
                result[j] ^= result[j + 1]
        root = _gf_multiply(root, 0x02)
    return tuple(result)


def _rs_remainder(data: list[int], divisor: tuple[int, ...]) -> list[int]:
    result = [0] * len(divisor)
    for byte in data:
        factor = byte ^ result.pop(0)
        result.append(0)
        for i, coefficient in enumerate(divisor):
            result[i] ^= _gf_multiply(coefficient, factor)
    return result


# ---- the symbol -------------------------------------------------------------------------------


def _alignment_positions(version: int) -> list[int]:
    if version == 1:
        return []
    count = version // 7 + 2
    size = version * 4 + 17
    step = (version * 8 + count * 3 + 5) // (count * 4 - 4) * 2
    return [6] + sorted(size - 7 - i * step for i in range(count - 1))


def _function_patterns(version: int) -> tuple[list[list[bool]], list[list[bool]]]:
    """A new grid with the finder, timing, alignment and version patterns, and which modules they take."""
    size = version * 4 + 17
    grid = [[False] * size for _ in range(size)]
    reserved = [[False] * size for _ in range(size)]

    def set_module(x: int, y: int, dark: bool) -> None:
        grid[y][x] = dark
        reserved[y][x] = True

    for i in range(size):
        set_module(6, i, i % 2 == 0)
        set_module(i, 6, i % 2 == 0)
    for cx, cy in ((3, 3), (size - 4, 3), (3, size - 4)):
        for dy in range(-4, 5):
            for dx in range(-4, 5):
                x, y = cx + dx, cy + dy
                if 0 <= x < size and 0 <= y < size:
                    set_module(x, y, max(abs(dx), abs(dy)) not in (2, 4))
    positions = _alignment_positions(version)
    last = len(positions) - 1
    for i, cx in enumerate(positions):
        for j, cy in enumerate(positions):
            if (i, j) in ((0, 0), (0, last), (last, 0)):
                continue  # the finder patterns' corners
            for dy in range(-2, 3):
                for dx in range(-2, 3):
                    set_module(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1)
    _draw_format(grid, 0, reserved)  # reserve the format areas; the real bits come after masking
    if version >= 7:
        _draw_version(grid, reserved, version)
    return grid, reserved


def _draw_format(grid: list[list[bool]], mask: int, reserved: list[list[bool]] | None = None) -> None:
    size = len(grid)
    data = _FORMAT_LEVEL_M << 3 | mask
    remainder = data
    for _ in range(10):
        remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537)
    bits = (data << 10 | remainder) ^ 0x5412

    def put(x: int, y: int, i: int) -> None:
        grid[y][x] = (bits >> i) & 1 == 1
        if reserved is not None:
            reserved[y][x] = True

    for i in range(6):
        put(8, i, i)
    put(8, 7, 6)
    put(8, 8, 7)
    put(7, 8, 8)
    for i in range(9, 15):
        put(14 - i, 8, i)
    for i in range(8):
        put(size - 1 - i, 8, i)
    for i in range(8, 15):
        put(8, size - 15 + i, i)
    grid[size - 8][8] = True  # the dark module, always
    if reserved is not None:
        reserved[size - 8][8] = True


def _draw_version(grid: list[list[bool]], reserved: list[list[bool]], version: int) -> None:
    remainder = version
    for _ in range(12):
        remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25)
    bits = version << 12 | remainder
    size = len(grid)
    for i in range(18):
        dark = (bits >> i) & 1 == 1
        a, b = size - 11 + i % 3, i // 3
        grid[b][a] = grid[a][b] = dark
        reserved[b][a] = reserved[a][b] = True


def _place(grid: list[list[bool]], reserved: list[list[bool]], codewords: list[int]) -> None:
    """Codeword bits in the zigzag order: two columns at a time, from the right, up then down."""
    size = len(grid)
    bits = [(byte >> (7 - i)) & 1 == 1 for byte in codewords for i in range(8)]
    index = 0
    right = size - 1
    while right >= 1:
        if right == 6:
            right = 5  # the vertical timing pattern takes a whole column
        for vertical in range(size):
            for j in range(2):
                x = right - j
                upward = ((right + 1) & 2) == 0
                y = size - 1 - vertical if upward else vertical
                if not reserved[y][x] and index < len(bits):
                    grid[y][x] = bits[index]
                    index += 1
        right -= 2


_MASKS = (
    lambda x, y: (x + y) % 2 == 0,
    lambda x, y: y % 2 == 0,
    lambda x, y: x % 3 == 0,
    lambda x, y: (x + y) % 3 == 0,
    lambda x, y: (x // 3 + y // 2) % 2 == 0,
    lambda x, y: x * y % 2 + x * y % 3 == 0,
    lambda x, y: (x * y % 2 + x * y % 3) % 2 == 0,
    lambda x, y: ((x + y) % 2 + x * y % 3) % 2 == 0,
)


def _apply_mask(grid: list[list[bool]], reserved: list[list[bool]], mask: int) -> None:
    flip = _MASKS[mask]
    for y, row in enumerate(grid):
        for x in range(len(row)):
            if not reserved[y][x] and flip(x, y):
                row[x] = not row[x]


# ---- choosing the mask: the standard's four penalty rules -------------------------------------

_FINDER_LIKE = ((True, False, True, True, True, False, True, False, False, False, False),
                (False, False, False, False, True, False, True, True, True, False, True))


def _penalty(grid: list[list[bool]]) -> int:
    size = len(grid)
    columns = [[grid[y][x] for y in range(size)] for x in range(size)]
    score = sum(_line_penalty(line) for line in (*grid, *columns))
    for y in range(size - 1):
        for x in range(size - 1):
            if grid[y][x] == grid[y][x + 1] == grid[y + 1][x] == grid[y + 1][x + 1]:
                score += 3
    dark = sum(map(sum, grid))
    total = size * size
    score += ((abs(dark * 20 - total * 10) + total - 1) // total - 1) * 10
    return score


def _line_penalty(line: list[bool]) -> int:
    score, run = 0, 1
    for i in range(1, len(line) + 1):
        if i < len(line) and line[i] == line[i - 1]:
            run += 1
            continue
        if run >= 5:
            score += run - 2
        run = 1
    padded = [False] * 4 + line + [False] * 4  # the quiet zone around the symbol counts as light
    for i in range(len(padded) - 10):
        if tuple(padded[i:i + 11]) in _FINDER_LIKE:
            score += 40
    return score
