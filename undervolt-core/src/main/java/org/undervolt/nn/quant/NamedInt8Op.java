package org.undervolt.nn.quant;

/** An {@link Int8Op} named after the float layer it comes from. */
abstract class NamedInt8Op implements Int8Op {
    private final String name;

    NamedInt8Op(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }
}
