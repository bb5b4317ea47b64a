package org.undervolt.nn.quant;

/** One step of an {@link Int8Network}: int8 feature maps in and out. */
public interface Int8Op {

    /** Name of the float layer this op comes from (the compute layer for fused ops). */
    String name();

    /** Runs the op on a batch; must not modify the op (batches run in parallel). */
    QTensor forward(QTensor x);

    /** A deep copy (weights included). */
    Int8Op copy();
}
