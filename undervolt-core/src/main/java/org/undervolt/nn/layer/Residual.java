package org.undervolt.nn.layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.undervolt.nn.tensor.Tensor;

/**
 * A residual block {@code y = main(x) + shortcut(x)} (He et al., "Deep residual learning", CVPR
 * 2016): the element-wise Add of two branches. An empty shortcut is the identity. Hooks see the
 * inner layers too (with the block's index as {@link HookSite#layerIndex()}). Its {@link #config()} is
 * {@code [main layers, shortcut layers]}; the layers follow in {@link #children()}.
 */
public final class Residual extends NamedLayer {
    private final List<Layer> main;
    private final List<Layer> shortcut;

    public Residual(String name, List<Layer> main, List<Layer> shortcut) {
        super(name, "residual", main.size(), shortcut.size());
        if (main.isEmpty()) {
            throw new IllegalArgumentException(name + ": the main branch needs at least one layer");
        }
        this.main = List.copyOf(main);
        this.shortcut = List.copyOf(shortcut);
    }

    @Override
    public List<Layer> children() {
        List<Layer> all = new ArrayList<>(main);
        all.addAll(shortcut);
        return all;
    }

    @Override
    public int[] outputShape(int[] s) {
        int[] a = s;
        for (Layer l : main) {
            a = l.outputShape(a);
        }
        int[] b = s;
        for (Layer l : shortcut) {
            b = l.outputShape(b);
        }
        if (!Arrays.equals(a, b)) {
            throw new IllegalArgumentException(name() + ": branches disagree: " + Arrays.toString(a) + " vs " + Arrays.toString(b));
        }
        return a;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        for (Layer l : children()) {
            ps.addAll(l.parameters());
        }
        return ps;
    }

    @Override
    public void initialize(java.util.SplittableRandom rng) {
        for (Layer l : children()) {
            l.initialize(rng.split());
        }
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext ctx, HookSite site) {
        Tensor a = run(main, x, ctx, site);
        Tensor b = shortcut.isEmpty() ? x : run(shortcut, x, ctx, site);
        return sum(a, b);
    }

    /** {@code a + b}, element-wise, in the shape of {@code a}. */
    private static Tensor sum(Tensor a, Tensor b) {
        float[] ad = a.data();
        float[] bd = b.data();
        float[] y = new float[ad.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = ad[i] + bd[i];
        }
        return new Tensor(a.shape(), y);
    }

    private static Tensor run(List<Layer> layers, Tensor x, ForwardContext ctx, HookSite outer) {
        Tensor h = x;
        for (Layer l : layers) {
            HookSite site = ctx.site(outer == null ? 0 : outer.layerIndex(), l);
            h = ctx.hooks().input(site, h);
            h = l.forward(h, ctx, site);
            h = ctx.hooks().output(site, h);
        }
        return h;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        Tensor ga = gradOut;
        for (int i = main.size() - 1; i >= 0; i--) {
            ga = main.get(i).backward(ga);
        }
        Tensor gb = gradOut;
        for (int i = shortcut.size() - 1; i >= 0; i--) {
            gb = shortcut.get(i).backward(gb);
        }
        return sum(ga, gb);
    }

    @Override
    public Residual copy() {
        return new Residual(name(), main.stream().map(Layer::copy).toList(), shortcut.stream().map(Layer::copy).toList());
    }
}
