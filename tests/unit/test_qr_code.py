"""The QR code of the visit code: module for module what a reference encoder draws, so cameras read it.

The expected symbols were made once with Project Nayuki's QR Code generator (byte mode, level M,
automatic mask) and are kept here as one hexadecimal number per row.
"""

import re

import pytest

from influfinder.components.qr_code import TooLong, qr_matrix, qr_svg

VISIT_CODE = "ABCD2345"
VISIT_CODE_ROWS = ['1fd77f', '105141', '175e5d', '174e5d', '17555d', '104f41', '1fd57f', '300', '13f597', '5b9e5',
                   '1b58eb', 'e9616', 'e40df', '1b37', '1fd5f8', '1057ad', '175b6c', '175324', '174c7f', '1040d7',
                   '1fd638']
# 140 bytes: version 8, four blocks of two lengths, the version information blocks, mask 2.
LINK = ("https://influfinder.example/collaborations/0b7f8c1e-1234-4bcd-9abc-0123456789ab?code=ABCD2345"
        "&from=qr-code-of-the-creator-page-version-eight")
LINK_ROWS = ['1fcf7f10e097f', '104457ea25741', '175f22bf1635d', '175cf6dc6da5d', '17539cfdf285d', '105b62c63d441',
             '1fd555555557f', '13cc475a500', '17cf5d7cad37c', 'e37187bdb8fc', '16cb9256054b3', '16882203b0213',
             '14f320feeba2c', '12943f706b87a', '1e58dde4a400f', '93def6e1a971', 'f43099de7d4c', 'a04dabbe3af2',
             'fc88153f73b', 'b0dc50f528b2', '1fea67f4e9785', '1b81989cd08f6', '13fdc17d0d5f5', '111a9a47da311',
             '95411d465f5c', '17121ec44b118', '19f0917e26ff3', '11b5e4e390101', '16c01a50e365f', '13bca4aed8a20',
             '1ef85e09bf343', '171e64a6dc821', '18f6d58e83b9e', '1b9b9adad03a0', '1a694cb03f67b', 'e888effb2d33',
             '1c8a32ae1356', '150bcc93d1906', '8e69e5aa7e7d', 'e345697b0182', '1c74fb7cc9bf7', '17b6c46b91a',
             '1fc973d7bf55f', '1055ebc75011b', '17597cfccfdf5', '175b8342d39f9', '1751f97a8f060', '1046872116cc1',
             '1fd7db2867907']


def rows(grid: list[list[bool]]) -> list[str]:
    return [format(int("".join("1" if dark else "0" for dark in row), 2), "x") for row in grid]


@pytest.mark.parametrize(("text", "expected"), [(VISIT_CODE, VISIT_CODE_ROWS), (LINK, LINK_ROWS)],
                         ids=["visit-code", "link-version-8"])
def test_the_symbol_matches_the_reference_encoder_module_for_module(text, expected):
    grid = qr_matrix(text)
    assert len(grid) == len(expected)
    assert rows(grid) == expected


def test_the_svg_draws_every_dark_module_inside_a_quiet_zone():
    svg = qr_svg(VISIT_CODE)
    assert svg.startswith("<svg") and 'viewBox="0 0 29 29"' in svg  # 21 modules + 4 each side
    dark = sum(map(sum, qr_matrix(VISIT_CODE)))
    assert len(re.findall(r"M\d+,\d+h1v1h-1z", svg)) == dark
    assert "M4,4h1v1h-1z" in svg  # the top-left finder's corner, after the quiet zone


def test_text_longer_than_version_10_holds_is_refused():
    qr_matrix("x" * 213)
    with pytest.raises(TooLong):
        qr_matrix("x" * 214)
