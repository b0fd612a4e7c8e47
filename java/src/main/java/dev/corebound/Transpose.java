package dev.corebound;

/** Whether an operand of gemv or gemm is used as stored or transposed. */
public enum Transpose {
    NO_TRANS,
    TRANS;

    /** True for {@link #TRANS}. */
    public boolean transposed() {
        return this == TRANS;
    }
}
