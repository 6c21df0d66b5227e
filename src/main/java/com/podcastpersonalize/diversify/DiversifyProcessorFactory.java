package com.podcastpersonalize.diversify;

import org.opensearch.search.pipeline.Processor;
import org.opensearch.search.pipeline.SearchResponseProcessor;

import java.util.Map;

/**
 * Creates {@code podcast_diversify} processors when a search pipeline is stored; core has already
 * taken {@code tag}, {@code description} and {@code ignore_failure} from the configuration.
 */
public final class DiversifyProcessorFactory implements Processor.Factory<SearchResponseProcessor> {

    @Override
    public DiversifyResponseProcessor create(
        Map<String, Processor.Factory<SearchResponseProcessor>> processorFactories,
        String tag,
        String description,
        boolean ignoreFailure,
        Map<String, Object> config,
        Processor.PipelineContext pipelineContext
    ) {
        return new DiversifyResponseProcessor(tag, description, ignoreFailure, DiversifyParameters.parse(tag, config));
    }
}
