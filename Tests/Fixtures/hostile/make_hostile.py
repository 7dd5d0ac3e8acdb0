#!/usr/bin/env python3
"""Writes the small hostile inputs of this folder (see README.md). Standard library only.

The large ones (a 6.6 MB zip bomb, a 1 GiB line, 300,000 nested brackets) are written at run
time by Tests/blendscopeTests/HostileInputs.swift, so the repository stays small.
"""
import struct
import zlib


def npy(header, payload=b"", version=1):
    """An .npy stream with `header` (a dict literal) padded as numpy pads it."""
    text = header.encode("latin-1")
    length_size = 2 if version == 1 else 4
    preamble = 8 + length_size
    total = (preamble + len(text) + 1 + 63) // 64 * 64
    pad = total - preamble - len(text) - 1
    body = text + b" " * pad + b"\n"
    length = struct.pack("<H" if version == 1 else "<I", len(body))
    return b"\x93NUMPY" + bytes([version, 0]) + length + body + payload


def zip_archive(members):
    """A zip of (name, raw data, method, declared uncompressed size, crc) members, with ZIP64
    extra fields (as np.savez writes them) so any declared size fits."""
    out = b""
    directory = b""
    for name, data, method, declared, crc in members:
        name = name.encode()
        offset = len(out)
        extra = struct.pack("<HHQQ", 1, 16, declared, len(data))
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, method, 0, 0x21, crc,
                           0xFFFFFFFF, 0xFFFFFFFF, len(name), len(extra)) + name + extra + data
        cextra = struct.pack("<HHQQQ", 1, 24, declared, len(data), offset)
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, method, 0, 0x21, crc,
                                 0xFFFFFFFF, 0xFFFFFFFF, len(name), len(cextra), 0, 0, 0, 0,
                                 0xFFFFFFFF) + name + cextra
    start = len(out)
    out += directory
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), start, 0)
    return out


def deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def names_npy(names):
    width = max(len(n) for n in names)
    payload = b"".join(n.encode("utf-32-le").ljust(4 * width, b"\0") for n in names)
    return npy("{'descr': '<U%d', 'fortran_order': False, 'shape': (%d,), }" % (width, len(names)), payload)


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


NAMES = ["A117_ang_int1_ver1", "A117_ang_int2_ver1"]
f4_2x2 = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", b"\0" * 16)

write("names.txt", ("\n".join(NAMES) + "\n").encode())
write("npy_unicode_1e11.npy", npy("{'descr': '<U100000000000', 'fortran_order': False, 'shape': (0,), }"))
write("npy_unicode_3e18.npy", npy("{'descr': '<U3e18', 'fortran_order': False, 'shape': (2,), }"))
write("npy_nested_1000.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': " + "[" * 1000 + "]" * 1000 + ", }"))
write("npy_shape_2e62.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4611686018427387904, 4), }"))
write("npy_shape_beyond_data.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1000000, 1000), }", b"\0" * 16))
write("npy_header_4gib.npy", b"\x93NUMPY\x02\x00" + struct.pack("<I", 0xFFFFFFF0) + b"{'descr': '<f4', }")

names = names_npy(NAMES)
members_ok = [("filenames.npy", names, 0, len(names), zlib.crc32(names))]
# A member whose directory claims 1 TiB: refused before anything is inflated.
write("npz_declares_1tib.npz", zip_archive(
    [("X.npy", deflate(f4_2x2), 8, 1 << 40, zlib.crc32(f4_2x2))] + members_ok))
# Honest directory, but the .npy header says 144 bytes and the member holds 1 MiB more.
grown = f4_2x2 + b"\0" * (1 << 20)
write("npz_outgrows_header.npz", zip_archive(
    [("X.npy", deflate(grown), 8, len(grown), zlib.crc32(grown))] + members_ok))
# A small bomb: the directory and header say 144 bytes; the stream inflates to 8 MiB.
write("npz_outgrows_directory.npz", zip_archive(
    [("X.npy", deflate(f4_2x2 + b"\0" * (8 << 20)), 8, len(f4_2x2), zlib.crc32(f4_2x2))] + members_ok))
# A deflate stream cut in the middle, its compressed size honest: it must end, not spin.
cut = deflate(f4_2x2)[:12]
write("npz_deflate_cut.npz", zip_archive([("X.npy", cut, 8, len(f4_2x2), zlib.crc32(f4_2x2))] + members_ok))

write("metadata_2000_columns.csv", (",".join("c%d" % i for i in range(2000)) + "\n" + ",".join("0" * 2000) + "\n").encode())
meta = "filename,video_id,mix,emotion_1,emotion_2,emotion_1_salience,emotion_2_salience,version,fold\n"
# Found by the fuzzer: a salience past Int64 made the clip-name check's sum trap.
write("metadata_salience_overflow.csv", (meta + "A117_mix_ang_hap_9223372036854775807_1_ver1,A117,1,ang,hap,70,30,1,0\n").encode())
probs = "filename,ang,disg,fea,hap,sad,neu\n"
write("probs_sum_overflows.csv", (probs + "A117_ang_int1_ver1,1e308,1e308,1e308,0,0,0\n").encode())
write("probs_sum_zero.csv", (probs + "A117_ang_int1_ver1,0,0,0,0,0,0\n").encode())
