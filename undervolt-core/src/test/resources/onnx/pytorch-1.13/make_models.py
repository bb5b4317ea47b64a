"""Writes the PyTorch-exported test models of PytorchExportTest (run with Debian's python3-torch 1.13:
/usr/bin/python3 make_models.py). Each NAME.onnx comes with NAME_x.bin (input, batch 3) and NAME_y.bin
(PyTorch's output), raw little-endian float32."""
import torch
import torch.nn as nn

torch.manual_seed(0)


class ViewNet(nn.Module):
    """Conv-BN-ReLU-MaxPool, then x.view(x.size(0), -1) (Shape/Gather/Unsqueeze/Concat/Reshape), Linear, Softmax."""
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.bn = nn.BatchNorm2d(4)
        self.fc = nn.Linear(4 * 4 * 4, 5)

    def forward(self, x):
        x = torch.max_pool2d(torch.relu(self.bn(self.conv(x))), 2)
        x = x.view(x.size(0), -1)
        return torch.softmax(self.fc(x), dim=1)


class ResNet(nn.Module):
    """A residual block with an identity shortcut, global average pooling and a classifier."""
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(3, 8, 3, padding=1)
        self.b1 = nn.BatchNorm2d(8)
        self.c2 = nn.Conv2d(8, 8, 3, padding=1)
        self.b2 = nn.BatchNorm2d(8)
        self.fc = nn.Linear(8, 5)

    def forward(self, x):
        y = torch.relu(self.b1(self.c1(x)))
        y = torch.relu(y + self.b2(self.c2(y)))
        y = torch.flatten(nn.functional.adaptive_avg_pool2d(y, 1), 1)
        return self.fc(y)


for name, model, shape in [("view_net", ViewNet(), (1, 8, 8)), ("res_net", ResNet(), (3, 8, 8))]:
    model.eval()
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.uniform_(-0.5, 0.5)
            m.running_var.uniform_(0.5, 1.5)
            m.weight.data.uniform_(0.5, 1.5)
            m.bias.data.uniform_(-0.5, 0.5)
    x = torch.rand(3, *shape)
    torch.onnx.export(model, x[:1], f"{name}.onnx", input_names=["x"], output_names=["y"],
                      dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}}, opset_version=13)
    with torch.no_grad():
        y = model(x)
    x.numpy().astype("<f4").tofile(f"{name}_x.bin")
    y.numpy().astype("<f4").tofile(f"{name}_y.bin")
