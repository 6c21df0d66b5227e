package com.podcastpersonalize.it.eval;

import java.io.IOException;
import java.util.List;

/** One system under evaluation: the ids of the top {@link SystemScores#K} items for a listener. */
public interface Recommender {

    String name();

    /** {@code baseline}, {@code personalize}, {@code ablation}, {@code tuned} or {@code reference}. */
    String kind();

    /** What it sends, in words, for the report. */
    String parameters();

    List<String> recommend(ListenerQuery listener) throws IOException;
}
