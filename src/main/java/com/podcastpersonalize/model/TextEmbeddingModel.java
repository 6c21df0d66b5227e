package com.podcastpersonalize.model;

import ai.djl.Model;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded sentence-embedding model: tokenizer, chunking, batched inference and pooling.
 *
 * <p>Thread-safe: the ONNX session is shared, each call uses its own predictor and native memory.
 * Pooling and normalization are plain Java (no second engine needed).
 */
public final class TextEmbeddingModel implements Closeable {

    private final ModelDescriptor descriptor;
    private final HuggingFaceTokenizer tokenizer;
    private final Model model;
    /** the ONNX session's options, closed with the model; null for other engines */
    private final OrtSession.SessionOptions onnxOptions;
    private final TextChunker chunker;
    private final long loadMillis;

    private TextEmbeddingModel(
        ModelDescriptor descriptor,
        HuggingFaceTokenizer tokenizer,
        Model model,
        OrtSession.SessionOptions onnxOptions,
        long loadMillis
    ) {
        this.descriptor = descriptor;
        this.tokenizer = tokenizer;
        this.model = model;
        this.onnxOptions = onnxOptions;
        this.chunker = new TextChunker(tokenizer, descriptor.maxTokens());
        this.loadMillis = loadMillis;
    }

    static final String ONNX_RUNTIME = "OnnxRuntime";

    /**
     * ONNX Runtime's worker threads spin after each inference by default, waiting for the next one:
     * on a small node that takes a core from the search that the embedding was for (a query-text
     * search runs right after its embedding). Here they sleep at once instead.
     */
    private static OrtSession.SessionOptions onnxSessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            return options;
        } catch (OrtException e) {
            options.close();
            throw e;
        }
    }

    /**
     * Loads the model's files through DJL. Call with {@link DjlRuntime} configured.
     *
     * @param engineThreads threads the engine may use inside one inference call
     * @param chunkOverlapTokens tokens shared by consecutive windows of a long text
     */
    public static TextEmbeddingModel load(ModelCatalog catalog, ModelDescriptor descriptor, int engineThreads, int chunkOverlapTokens)
        throws Exception {
        long start = System.nanoTime();
        URL modelUrl = catalog.locate(descriptor.modelFile())
            .orElseThrow(() -> new IllegalStateException("model [" + descriptor.name() + "]: file not found: " + descriptor.modelFile()));
        URL tokenizerUrl = catalog.locate(descriptor.tokenizerFile())
            .orElseThrow(() -> new IllegalStateException("model [" + descriptor.name() + "]: file not found: " + descriptor.tokenizerFile()));
        return DjlRuntime.withPluginClassLoader(() -> {
            HuggingFaceTokenizer tokenizer;
            try (InputStream in = tokenizerUrl.openStream()) {
                tokenizer = HuggingFaceTokenizer.newInstance(
                    in,
                    Map.of(
                        "addSpecialTokens", "true",
                        "truncation", "true",
                        "padding", "false",
                        "maxLength", Integer.toString(descriptor.maxTokens()),
                        "stride", Integer.toString(chunkOverlapTokens),
                        "withOverflowingTokens", "true"
                    )
                );
            }
            Model model = Model.newInstance(descriptor.name(), descriptor.engine());
            OrtSession.SessionOptions onnxOptions = null;
            try (InputStream in = modelUrl.openStream()) {
                Map<String, Object> options = new HashMap<>();
                options.put("intraOpNumThreads", Integer.toString(engineThreads));
                options.put("interOpNumThreads", "1");
                if (ONNX_RUNTIME.equals(descriptor.engine())) {
                    onnxOptions = onnxSessionOptions();
                    options.put("sessionOptions", onnxOptions);
                }
                model.load(in, options);
            } catch (Exception e) {
                model.close();
                tokenizer.close();
                if (onnxOptions != null) {
                    onnxOptions.close();
                }
                throw e;
            }
            return new TextEmbeddingModel(descriptor, tokenizer, model, onnxOptions, (System.nanoTime() - start) / 1_000_000);
        });
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    public long loadMillis() {
        return loadMillis;
    }

    /**
     * Embeds each text into one vector: windows of long texts are embedded and pooled into one,
     * weighted by their token counts. Windows of all texts are batched together, sorted by length
     * (less padding), in batches of at most {@code maxBatchTokens} padded tokens.
     *
     * @return one vector per text, in order (unit length when the model normalizes)
     */
    public float[][] embed(List<String> texts, InputType type, int maxChunks, int maxBatchTokens) throws Exception {
        List<Window> windows = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            String text = type == InputType.QUERY ? descriptor.queryPrefix() + texts.get(t) : texts.get(t);
            for (TextChunker.Chunk chunk : chunker.chunk(text, maxChunks)) {
                windows.add(new Window(t, chunk));
            }
        }
        windows.sort(Comparator.comparingInt(w -> w.chunk.length()));
        int dimension = descriptor.dimension();
        float[][] sums = new float[texts.size()][dimension];
        int start = 0;
        while (start < windows.size()) {
            int end = start + 1;
            // sorted ascending, so the last window of a batch is its longest
            while (end < windows.size() && (long) (end + 1 - start) * windows.get(end).chunk.length() <= maxBatchTokens) {
                end++;
            }
            List<Window> batch = windows.subList(start, end);
            float[][] pooled = DjlRuntime.withPluginClassLoader(() -> runBatch(batch));
            for (int i = 0; i < batch.size(); i++) {
                float weight = batch.get(i).chunk.length();
                VectorMath.addScaled(sums[batch.get(i).textIndex], pooled[i], weight);
            }
            start = end;
        }
        if (descriptor.normalize()) {
            for (float[] vector : sums) {
                VectorMath.normalizeInPlace(vector);
            }
        }
        return sums;
    }

    private record Window(int textIndex, TextChunker.Chunk chunk) {}

    /** One model call for windows of similar length; returns each window's pooled (and normalized) vector. */
    private float[][] runBatch(List<Window> batch) throws Exception {
        int rows = batch.size();
        int length = batch.get(rows - 1).chunk.length();
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] types = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            TextChunker.Chunk chunk = batch.get(r).chunk;
            System.arraycopy(chunk.ids(), 0, ids, r * length, chunk.length());
            System.arraycopy(chunk.attentionMask(), 0, mask, r * length, chunk.length());
            System.arraycopy(chunk.typeIds(), 0, types, r * length, chunk.length());
        }
        try (NDManager manager = model.getNDManager().newSubManager(); Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            Shape shape = new Shape(rows, length);
            NDArray inputIds = manager.create(ids, shape);
            inputIds.setName("input_ids");
            NDArray attentionMask = manager.create(mask, shape);
            attentionMask.setName("attention_mask");
            NDArray tokenTypeIds = manager.create(types, shape);
            tokenTypeIds.setName("token_type_ids");
            NDList output = predictor.predict(new NDList(inputIds, attentionMask, tokenTypeIds));
            float[] hidden = output.get(0).toFloatArray(); // [rows, length, dimension]
            int dimension = descriptor.dimension();
            if (hidden.length != rows * length * dimension) {
                throw new IllegalStateException(
                    "model [" + descriptor.name() + "] returned " + hidden.length + " values for " + rows + "x" + length
                        + " tokens: its dimension is not " + dimension + " as models.yml says"
                );
            }
            float[][] pooled = new float[rows][];
            for (int r = 0; r < rows; r++) {
                pooled[r] = pool(hidden, r, length, batch.get(r).chunk.length(), dimension);
                if (descriptor.normalize()) {
                    VectorMath.normalizeInPlace(pooled[r]);
                }
            }
            return pooled;
        }
    }

    private float[] pool(float[] hidden, int row, int paddedLength, int tokens, int dimension) {
        float[] vector = new float[dimension];
        int rowOffset = row * paddedLength * dimension;
        switch (descriptor.pooling()) {
            case CLS -> System.arraycopy(hidden, rowOffset, vector, 0, dimension);
            case MEAN -> {
                for (int t = 0; t < tokens; t++) {
                    int offset = rowOffset + t * dimension;
                    for (int d = 0; d < dimension; d++) {
                        vector[d] += hidden[offset + d];
                    }
                }
                for (int d = 0; d < dimension; d++) {
                    vector[d] /= tokens;
                }
            }
        }
        return vector;
    }

    /** Number of model windows the text is split into (at most {@code maxChunks}), for benchmarks and diagnostics. */
    public int windowCount(String text, int maxChunks) {
        return chunker.chunk(text, maxChunks).size();
    }

    @Override
    public void close() throws IOException {
        model.close();
        tokenizer.close();
        if (onnxOptions != null) {
            onnxOptions.close();
        }
    }
}
