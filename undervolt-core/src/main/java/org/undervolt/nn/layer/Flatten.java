package org.undervolt.nn.layer;

import org.undervolt.nn.tensor.Tensor;

/** Views each item as a flat vector: {@code [batch, d1, d2, ...] -> [batch, d1*d2*...]}. */
public final class Flatten extends NamedLayer {
    private int[] cachedShape;

    public Flatten(String name) {
        super(name, "flatten");
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return new int[] {Math.toIntExact(Tensor.size(inputShape))};
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext ctx, HookSite site) {
        if (ctx.training()) {
            cachedShape = x.shape();
        }
        return x.reshape(x.dim(0), x.itemSize());
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        return gradOut.reshape(cachedShape);
    }

    @Override
    public Flatten copy() {
        return new Flatten(name());
    }
}
