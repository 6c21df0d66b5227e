package com.podcastpersonalize.processor.audio.features;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Picks {@link SpectrumKernels#best()} once per JVM: the Vector API kernels when the boot layer holds the
 * {@code jdk.incubator.vector} module (the JVM was started with {@code --add-modules=jdk.incubator.vector}, as
 * OpenSearch starts its node), the scalar ones otherwise. {@link VectorKernels} refers to the module's classes, so
 * it is only loaded after the check.
 */
final class KernelChoice {

    static final String MODULE = "jdk.incubator.vector";
    private static final Logger LOG = LogManager.getLogger(KernelChoice.class);
    static final SpectrumKernels BEST = choose(vectorModulePresent());

    private KernelChoice() {}

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /** The kernels for a JVM with or without the module. */
    static SpectrumKernels choose(boolean modulePresent) {
        if (!modulePresent) {
            LOG.info("audio analysis: module {} not loaded, per-bin loops run scalar", MODULE);
            return ScalarKernels.INSTANCE;
        }
        try {
            SpectrumKernels kernels = new VectorKernels();
            LOG.info("audio analysis: per-bin loops on the Vector API ({})", kernels);
            return kernels;
        } catch (LinkageError | RuntimeException e) { // a module present but unusable: the scalar loops give the same results
            LOG.warn("audio analysis: the Vector API is unusable, per-bin loops run scalar", e);
            return ScalarKernels.INSTANCE;
        }
    }
}
