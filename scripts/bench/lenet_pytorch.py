#!/usr/bin/python3
"""PyTorch side of lenet-vs-pytorch.sh: one LeNet-5 epoch on MNIST and inference images/s.

Same network (6c5 pad 2, max-pool, 16c5, max-pool, 400-120-84-10, ReLU), same optimiser
(SGD lr 0.05, momentum 0.9, batch 64, constant rate), same inference batch (256) as
`undervolt nn-bench`. Run with Debian's python3-torch (/usr/bin/python3). Prints one JSON object.

Usage: lenet_pytorch.py MNIST_JAR THREADS [TRAIN_IMAGES]
"""
import gzip
import io
import json
import statistics
import struct
import sys
import time
import zipfile

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def idx(jar, name):
    with zipfile.ZipFile(jar) as z:
        raw = gzip.decompress(z.read("datasets/mnist/" + name))
    dims = raw[3]
    shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(400, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))


def main():
    jar, threads = sys.argv[1], int(sys.argv[2])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    xtr = torch.from_numpy(idx(jar, "train-images-idx3-ubyte.gz").astype(np.float32) / 255).unsqueeze(1)
    ytr = torch.from_numpy(idx(jar, "train-labels-idx1-ubyte.gz").astype(np.int64))
    xte = torch.from_numpy(idx(jar, "t10k-images-idx3-ubyte.gz").astype(np.float32) / 255).unsqueeze(1)
    yte = torch.from_numpy(idx(jar, "t10k-labels-idx1-ubyte.gz").astype(np.int64))
    if len(sys.argv) > 3:
        n = int(sys.argv[3])
        xtr, ytr = xtr[:n], ytr[:n]

    def epoch(model, x, y):
        opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
        perm = torch.randperm(len(x))
        model.train()
        for i in range(0, len(x), 64):
            idx_ = perm[i:i + 64]
            opt.zero_grad()
            F.cross_entropy(model(x[idx_]), y[idx_]).backward()
            opt.step()

    epoch(LeNet5(), xtr[:4096], ytr[:4096])  # warm-up, as nn-bench does
    model = LeNet5()
    t0 = time.perf_counter()
    epoch(model, xtr, ytr)
    epoch_s = time.perf_counter() - t0

    model.eval()
    times = []
    with torch.no_grad():
        for _ in range(6):
            t = time.perf_counter()
            pred = torch.cat([model(xte[i:i + 256]).argmax(1) for i in range(0, len(xte), 256)])
            times.append(time.perf_counter() - t)
    infer_s = statistics.median(times[1:])
    print(json.dumps({
        "framework": "pytorch " + torch.__version__,
        "model": "lenet5",
        "threads": threads,
        "train_images": len(xtr),
        "epoch_seconds": epoch_s,
        "train_images_per_second": len(xtr) / epoch_s,
        "infer_batch": 256,
        "infer_images_per_second": len(xte) / infer_s,
        "test_accuracy": (pred == yte).float().mean().item(),
    }))


if __name__ == "__main__":
    main()
