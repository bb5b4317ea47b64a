#!/usr/bin/env python3
"""Writes examples/requests.trace: the DRAM requests of batch-1 inference of an MLP 784-256-10 (INT8 weights).

One line per 64-byte request, `LD 0xADDR` or `ST 0xADDR` (the format `undervolt dram simulate
--requests` reads). The 784-byte input is read, each layer reads its weights in order and
writes its outputs, the next layer reads them back. 

    python3 examples/make_requests.py > examples/requests.trace
"""

LINE = 64
# regions 16 MiB apart, all in the first 64 MiB: every part of `undervolt dram presets` holds them (the smallest,
# LPDDR3-1600_4Gb_x32, has 512 MiB); 16 MiB is a whole number of row stripes on each part, so the regions
# differ in row only, not in bank or column
INPUT, WEIGHTS, ACTIVATIONS = 0x0200_0000, 0x0100_0000, 0x0300_0000


def lines(base, nbytes):
    return [base + i * LINE for i in range((nbytes + LINE - 1) // LINE)]


def inference(image):
    reqs = [("LD", a) for a in lines(INPUT + image * 1024, 784)]
    w1, b1 = 784 * 256, 256 * 4  # INT8 weights, INT32 biases
    w2 = 256 * 10
    reqs += [("LD", a) for a in lines(WEIGHTS, w1 + b1)]
    reqs += [("ST", a) for a in lines(ACTIVATIONS, 256 * 4)]
    reqs += [("LD", a) for a in lines(ACTIVATIONS, 256 * 4)]
    reqs += [("LD", a) for a in lines(WEIGHTS + w1 + b1, w2 + 10 * 4)]
    reqs += [("ST", a) for a in lines(ACTIVATIONS + 4096 + image * LINE, 10 * 4)]
    return reqs


def main():
    print("# Batch-1 inference of an MLP 784-256-10 (INT8 weights), one image; one 64-byte request a line.")
    print("# Made by examples/make_requests.py (python3 examples/make_requests.py > examples/requests.trace).")
    for image in range(1):
        for op, addr in inference(image):
            print(f"{op} 0x{addr:08x}")


if __name__ == "__main__":
    main()
