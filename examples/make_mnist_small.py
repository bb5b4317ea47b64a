#!/usr/bin/env python3
"""Writes examples/mnist-small/: the first 600 training and 200 test images of MNIST as IDX files, the format
`--data-dir` reads (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz,
t10k-labels-idx1-ubyte.gz), so the help's `--data-dir` examples run on a fresh clone.

The source is the MNIST files Undervolt reads its built-in data set from (the Maven artifact
org.jetbrains.kotlinx:kotlin-deeplearning-api:0.1.1, resources datasets/mnist/; MNIST: LeCun, Cortes and Burges,
yann.lecun.com/exdb/mnist). The IDX layout (magic, dimensions, then the bytes) is kept; only the counts shrink.

    python3 examples/make_mnist_small.py [PATH-TO-kotlin-deeplearning-api-0.1.1.jar]
"""
import gzip
import os
import struct
import sys
import zipfile

JAR = os.path.expanduser("~/.m2/repository/org/jetbrains/kotlinx/kotlin-deeplearning-api/0.1.1/"
                         "kotlin-deeplearning-api-0.1.1.jar")
COUNTS = {"train": 600, "t10k": 200}
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mnist-small")


def head(data, n):
    """The first n items of an IDX file's bytes."""
    magic, count = struct.unpack(">II", data[:8])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * (dims - 1), data[8:4 + 4 * dims])
    item = 1
    for d in shape:
        item *= d
    start = 4 + 4 * dims
    return data[:4] + struct.pack(">I", n) + data[8:start] + data[start:start + n * item]


def main():
    jar = sys.argv[1] if len(sys.argv) > 1 else JAR
    os.makedirs(OUT, exist_ok=True)
    with zipfile.ZipFile(jar) as z:
        for split, n in COUNTS.items():
            for kind in ("images-idx3-ubyte", "labels-idx1-ubyte"):
                name = f"{split}-{kind}.gz"
                data = gzip.decompress(z.read("datasets/mnist/" + name))
                with open(os.path.join(OUT, name), "wb") as f:
                    # mtime 0: the same bytes on every run
                    f.write(gzip.compress(head(data, n), mtime=0))


if __name__ == "__main__":
    main()
