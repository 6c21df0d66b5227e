package com.podcastpersonalize.it.eval;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that a data file the evaluation needs is there, and names it when it is not. */
final class DataFiles {

    private DataFiles() {}

    static void require(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing data file " + file.toAbsolutePath() + " (see data/README.md)");
        }
    }
}
