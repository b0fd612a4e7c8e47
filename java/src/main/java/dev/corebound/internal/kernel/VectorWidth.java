package dev.corebound.internal.kernel;

import dev.corebound.Backend;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

/**
 * The vector width {@link Backend#JAVA_VECTOR} computes with, chosen once when
 * this class loads, and the loads and stores every JAVA_VECTOR kernel makes with it.
 *
 * <p>The width is the CPU's preferred one (512 bits with AVX-512, 256 with
 * AVX2, 128 with NEON) unless the system property {@value #PROPERTY} names a
 * narrower one: 128, 256 or 512. Tests set it, as Lucene's
 * {@code tests.vectorsize} does, so that the code a narrower CPU runs is
 * tested on a wide one. A width above the CPU's is refused: the Vector API
 * would emulate it, hundreds of times slower.
 */
final class VectorWidth {

    /** The system property that names a width in bits. */
    static final String PROPERTY = "corebound.vector.bits";

    static final VectorSpecies<Double> SPECIES = species(System.getProperty(PROPERTY));
    /** Doubles per vector. */
    static final int LANES = SPECIES.length();

    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private VectorWidth() {
    }

    /** The preferred species, or the one {@code bits} names. */
    static VectorSpecies<Double> species(String bits) {
        VectorSpecies<Double> preferred = DoubleVector.SPECIES_PREFERRED;
        if (bits == null || bits.isBlank()) {
            return preferred;
        }
        int width;
        try {
            width = Integer.parseInt(bits.trim());
        } catch (NumberFormatException e) {
            width = -1;
        }
        if (width != 128 && width != 256 && width != 512) {
            throw new IllegalArgumentException(PROPERTY + "=" + bits + " is not a vector width; use 128, 256 or 512");
        }
        if (width > preferred.vectorBitSize()) {
            throw new IllegalArgumentException(PROPERTY + "=" + bits + " is wider than this CPU's "
                    + preferred.vectorBitSize() + "-bit vectors, which the Vector API would only emulate");
        }
        return DoubleVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(width));
    }

    /** "512-bit species (8 doubles)", with a note when the property narrowed it. */
    static String describe() {
        String chosen = SPECIES.vectorBitSize() + "-bit species (" + LANES + " doubles)";
        return SPECIES.equals(DoubleVector.SPECIES_PREFERRED) ? chosen : chosen + ", narrowed by " + PROPERTY;
    }

    static DoubleVector load(MemorySegment s, long index) {
        return DoubleVector.fromMemorySegment(SPECIES, s, index * Double.BYTES, ORDER);
    }

    static void store(DoubleVector v, MemorySegment s, long index) {
        v.intoMemorySegment(s, index * Double.BYTES, ORDER);
    }

    static double get(MemorySegment s, long index) {
        return s.getAtIndex(JAVA_DOUBLE, index);
    }

    static void set(MemorySegment s, long index, double v) {
        s.setAtIndex(JAVA_DOUBLE, index, v);
    }
}
