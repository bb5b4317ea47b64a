package org.undervolt.nn.quant;

/** Views each item of an int8 feature map as a flat vector (no data movement). */
public final class Int8Flatten extends NamedInt8Op {

    Int8Flatten(String name) {
        super(name);
    }

    @Override
    public QTensor forward(QTensor x) {
        return new QTensor(new int[] {x.shape()[0], x.itemSize()}, x.data(), x.scale());
    }

    @Override
    public Int8Flatten copy() {
        return this;
    }
}
