package dev.corebound.spark.blocks;

import java.io.Serializable;

/** Where a block sits in a block matrix: its block row and block column. */
public record BlockIndex(int row, int col) implements Serializable {
}
