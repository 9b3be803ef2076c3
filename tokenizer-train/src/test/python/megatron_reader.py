#!/usr/bin/env python3
"""An independent reader of Megatron-LM indexed datasets (PREFIX.idx + PREFIX.bin), written from the
published layout (megatron/core/datasets/indexed_dataset.py): magic b"MMIDIDX\\x00\\x00", u64 version 1,
u8 dtype code, u64 sequence count S, u64 document count D, int32[S] lengths, int64[S] byte pointers,
int64[D] document indices; .bin holds the tokens. Checks the layout and prints every sequence as JSON:
{"prefix": ..., "dtype": ..., "sequences": [[ids...], ...]} per line. Exit status 1 on a bad file.

Usage: megatron_reader.py PREFIX [PREFIX...]
"""
import json
import os
import struct
import sys

import numpy as np

DTYPES = {1: np.uint8, 2: np.int8, 3: np.int16, 4: np.int32, 5: np.int64, 6: np.float64, 7: np.float32, 8: np.uint16}


def read(prefix):
    with open(prefix + ".idx", "rb") as f:
        header = f.read(34)
        if header[:9] != b"MMIDIDX\x00\x00":
            raise ValueError("bad magic")
        (version,) = struct.unpack("<Q", header[9:17])
        if version != 1:
            raise ValueError("bad version %d" % version)
        code = header[17]
        dtype = DTYPES[code]
        s, d = struct.unpack("<QQ", header[18:34])
    idx = np.memmap(prefix + ".idx", mode="r", order="C", dtype=np.uint8)
    lengths = np.frombuffer(idx, dtype=np.int32, count=s, offset=34)
    pointers = np.frombuffer(idx, dtype=np.int64, count=s, offset=34 + 4 * s)
    docs = np.frombuffer(idx, dtype=np.int64, count=d, offset=34 + 12 * s)
    if len(idx) != 34 + 12 * s + 8 * d:
        raise ValueError("idx size %d != %d" % (len(idx), 34 + 12 * s + 8 * d))
    item = np.dtype(dtype).itemsize
    expected = np.concatenate([[0], np.cumsum(lengths.astype(np.int64) * item)[:-1]]) if s else np.zeros(0)
    if not np.array_equal(pointers, expected):
        raise ValueError("pointers are not the running sum of lengths")
    if docs[0] != 0 or docs[-1] != s or np.any(np.diff(docs) < 0):
        raise ValueError("bad document indices")
    bin_size = os.path.getsize(prefix + ".bin")
    if bin_size != int(lengths.astype(np.int64).sum()) * item:
        raise ValueError(".bin size %d does not match the index" % bin_size)
    data = np.memmap(prefix + ".bin", mode="r", order="C", dtype=dtype) if bin_size else np.zeros(0, dtype)
    seqs = [data[p // item: p // item + n].tolist() for p, n in zip(pointers.tolist(), lengths.tolist())]
    return {"prefix": os.path.basename(prefix), "dtype": np.dtype(dtype).name, "sequences": seqs}


def main(prefixes):
    status = 0
    for prefix in prefixes:
        try:
            print(json.dumps(read(prefix)))
        except Exception as e:  # report and go on with the next file
            print("%s: %s" % (prefix, e), file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
