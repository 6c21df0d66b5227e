package com.podcastpersonalize.model;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a text into model-sized token windows that overlap, instead of cutting it at the model's
 * token limit: an hour-long transcript is represented by windows spread over all of it.
 *
 * <p>The tokenizer does the windowing (truncation with stride and overflowing tokens), so each
 * window carries the model's special tokens. At most {@code maxChunks} windows are kept, evenly
 * spread over the text. Texts far longer than {@code maxChunks} windows could hold are first cut
 * into {@code maxChunks} evenly spaced character spans, so the cost of tokenizing a 1 MB transcript
 * stays bounded.
 */
public final class TextChunker {

    /** Generous upper bound of characters per token for English WordPiece (about 4 on average). */
    private static final int MAX_CHARS_PER_TOKEN = 8;

    private final HuggingFaceTokenizer tokenizer;
    private final int maxTokens;

    /** @param tokenizer a tokenizer built with truncation, stride and overflowing tokens on, no padding */
    public TextChunker(HuggingFaceTokenizer tokenizer, int maxTokens) {
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
    }

    /** One window of tokens, with its model inputs. */
    public record Chunk(long[] ids, long[] attentionMask, long[] typeIds) {
        public int length() {
            return ids.length;
        }
    }

    /** Windows of {@code text}, in text order, at most {@code maxChunks}. Never empty for non-empty text. */
    public List<Chunk> chunk(String text, int maxChunks) {
        String clean = replaceLoneSurrogates(text);
        int spanChars = maxTokens * MAX_CHARS_PER_TOKEN;
        List<Chunk> chunks = new ArrayList<>();
        if (clean.length() > (long) spanChars * maxChunks) {
            for (String span : evenlySpacedSpans(clean, maxChunks, spanChars)) {
                chunks.add(toChunk(tokenizer.encode(span))); // first window of each span
            }
            return chunks;
        }
        Encoding encoding = tokenizer.encode(clean);
        chunks.add(toChunk(encoding));
        Encoding[] overflowing = encoding.getOverflowing();
        if (overflowing != null) {
            for (Encoding window : overflowing) {
                chunks.add(toChunk(window));
            }
        }
        return evenlySpaced(chunks, maxChunks);
    }

    static <T> List<T> evenlySpaced(List<T> items, int max) {
        if (items.size() <= max) {
            return items;
        }
        List<T> picked = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            // first and last are always kept
            int index = max == 1 ? 0 : (int) Math.round((double) i * (items.size() - 1) / (max - 1));
            picked.add(items.get(index));
        }
        return picked;
    }

    static List<String> evenlySpacedSpans(String text, int count, int spanChars) {
        List<String> spans = new ArrayList<>(count);
        double step = count == 1 ? 0 : (double) (text.length() - spanChars) / (count - 1);
        for (int i = 0; i < count; i++) {
            int start = startOfWord(text, (int) Math.round(i * step));
            int end = Math.min(text.length(), start + spanChars);
            spans.add(text.substring(start, end));
        }
        return spans;
    }

    private static int startOfWord(String text, int position) {
        int limit = Math.min(text.length(), position + 64);
        for (int i = position; i > 0 && i < limit; i++) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        return position;
    }

    private static Chunk toChunk(Encoding encoding) {
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        long[] types = encoding.getTypeIds();
        // tokenizers pad nothing here (padding off), but trim defensively to the attended tokens
        int length = 0;
        while (length < mask.length && mask[length] == 1) {
            length++;
        }
        return new Chunk(Arrays.copyOf(ids, length), Arrays.copyOf(mask, length), Arrays.copyOf(types, length));
    }

    /**
     * Replaces unpaired UTF-16 surrogates with U+FFFD: JSON may carry them, and the native tokenizer
     * needs valid UTF-8.
     */
    static String replaceLoneSurrogates(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (Character.isHighSurrogate(c) && !lone) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (lone && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(lone ? '\uFFFD' : c);
            }
        }
        return out == null ? text : out.toString();
    }
}
