package com.podcastpersonalize.processor.text;

import com.podcastpersonalize.model.InputType;
import com.podcastpersonalize.model.TextEmbeddingService;
import com.podcastpersonalize.model.TopicIndex;
import com.podcastpersonalize.model.VectorMath;

import org.opensearch.core.action.ActionListener;
import org.opensearch.ingest.AbstractBatchingProcessor;
import org.opensearch.ingest.IngestDocument;
import org.opensearch.ingest.IngestDocumentWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code podcast_text_embedding}: embeds an episode's text fields with the plugin's language model
 * into one unit-length vector, and optionally tags the episode with its closest taxonomy topics.
 *
 * <p>The documents of a bulk request reach {@link #subBatchExecute} in batches of
 * {@code batch_size}; all their texts go to the model in one call (sorted by length, batched by a
 * token budget) on the plugin's inference pool. A document whose fields are bad fails alone.
 */
public final class TextEmbeddingProcessor extends AbstractBatchingProcessor {

    public static final String TYPE = "podcast_text_embedding";

    private final EpisodeTextExtractor extractor;
    private final String targetField;
    private final String model;
    private final String topicsField;
    private final String topicScoresField;
    private final int topicsCount;
    private final Supplier<TextEmbeddingService> service;

    TextEmbeddingProcessor(
        String tag,
        String description,
        int batchSize,
        EpisodeTextExtractor extractor,
        String targetField,
        String model,
        String topicsField,
        String topicScoresField,
        int topicsCount,
        Supplier<TextEmbeddingService> service
    ) {
        super(tag, description, batchSize);
        this.extractor = extractor;
        this.targetField = targetField;
        this.model = model;
        this.topicsField = topicsField;
        this.topicScoresField = topicScoresField;
        this.topicsCount = topicsCount;
        this.service = service;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    /** Documents per model call (the {@code batch_size} option). */
    int batchSize() {
        return batchSize;
    }

    @Override
    public IngestDocument execute(IngestDocument document) {
        throw new UnsupportedOperationException(TYPE + " runs asynchronously on the plugin's inference pool");
    }

    @Override
    public void execute(IngestDocument document, BiConsumer<IngestDocument, Exception> handler) {
        IngestDocumentWrapper wrapper = new IngestDocumentWrapper(0, 0, document, null);
        subBatchExecute(List.of(wrapper), done -> handler.accept(wrapper.getException() == null ? wrapper.getIngestDocument() : null, wrapper.getException()));
    }

    @Override
    protected void subBatchExecute(List<IngestDocumentWrapper> documents, Consumer<List<IngestDocumentWrapper>> handler) {
        List<IngestDocumentWrapper> pending = new ArrayList<>(documents.size());
        List<List<EpisodeTextExtractor.FieldText>> textsPerDocument = new ArrayList<>(documents.size());
        List<String> allTexts = new ArrayList<>();
        for (IngestDocumentWrapper wrapper : documents) {
            if (wrapper.getException() != null) {
                continue;
            }
            try {
                List<EpisodeTextExtractor.FieldText> texts = extractor.extract(wrapper.getIngestDocument());
                if (texts.isEmpty()) {
                    continue; // nothing to embed: the document goes on unchanged
                }
                pending.add(wrapper);
                textsPerDocument.add(texts);
                texts.forEach(t -> allTexts.add(t.text()));
            } catch (IllegalArgumentException e) {
                wrapper.update(wrapper.getIngestDocument(), e);
            }
        }
        if (pending.isEmpty()) {
            handler.accept(documents);
            return;
        }
        service.get().embed(model, allTexts, InputType.DOCUMENT, ActionListener.wrap(embeddings -> {
            List<float[]> vectors = combine(textsPerDocument, embeddings.vectors());
            if (topicsField == null) {
                write(pending, vectors, null);
                handler.accept(documents);
            } else {
                service.get().topicIndex(model, ActionListener.wrap(topics -> {
                    write(pending, vectors, topics);
                    handler.accept(documents);
                }, e -> failAll(pending, e, documents, handler)));
            }
        }, e -> failAll(pending, e, documents, handler)));
    }

    /** Weighted mean of each document's field vectors, scaled to unit length. */
    private static List<float[]> combine(List<List<EpisodeTextExtractor.FieldText>> textsPerDocument, float[][] fieldVectors) {
        List<float[]> vectors = new ArrayList<>(textsPerDocument.size());
        int next = 0;
        for (List<EpisodeTextExtractor.FieldText> texts : textsPerDocument) {
            float[] vector = new float[fieldVectors[next].length];
            for (EpisodeTextExtractor.FieldText text : texts) {
                VectorMath.addScaled(vector, fieldVectors[next++], text.weight());
            }
            VectorMath.normalizeInPlace(vector);
            vectors.add(vector);
        }
        return vectors;
    }

    private void write(List<IngestDocumentWrapper> documents, List<float[]> vectors, TopicIndex topics) {
        for (int i = 0; i < documents.size(); i++) {
            IngestDocument document = documents.get(i).getIngestDocument();
            float[] vector = vectors.get(i);
            if (VectorMath.norm(vector) == 0) {
                // only possible when every field weight is 0; cosine k-NN rejects zero vectors
                documents.get(i).update(document, new IllegalArgumentException("the weighted text vector is zero: check [field_weights]"));
                continue;
            }
            document.setFieldValue(targetField, toList(vector));
            if (topics != null) {
                List<String> names = new ArrayList<>(topicsCount);
                List<Float> scores = new ArrayList<>(topicsCount);
                for (TopicIndex.ScoredTopic topic : topics.top(vector, topicsCount)) {
                    names.add(topic.name());
                    scores.add(topic.score());
                }
                document.setFieldValue(topicsField, names);
                document.setFieldValue(topicScoresField, scores);
            }
        }
    }

    private static void failAll(
        List<IngestDocumentWrapper> pending,
        Exception e,
        List<IngestDocumentWrapper> documents,
        Consumer<List<IngestDocumentWrapper>> handler
    ) {
        for (IngestDocumentWrapper wrapper : pending) {
            wrapper.update(wrapper.getIngestDocument(), e);
        }
        handler.accept(documents);
    }

    private static List<Float> toList(float[] vector) {
        List<Float> list = new ArrayList<>(vector.length);
        for (float value : vector) {
            list.add(value);
        }
        return list;
    }
}
