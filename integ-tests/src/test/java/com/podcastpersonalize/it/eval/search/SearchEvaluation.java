package com.podcastpersonalize.it.eval.search;

import com.podcastpersonalize.it.eval.EvaluationCase;
import com.podcastpersonalize.it.eval.PersonalizeConfig;
import com.podcastpersonalize.it.eval.PersonalizeRecommender;
import com.podcastpersonalize.it.eval.Progress;
import com.podcastpersonalize.it.eval.SystemEvaluator;
import com.podcastpersonalize.it.eval.SystemResult;
import com.podcastpersonalize.it.support.JsonNodeClient;

import org.opensearch.common.xcontent.json.JsonXContent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Personalized search, next to the recommendation systems: each evaluated listener searches for a
 * topic of an item they went on to like (the first taxonomy topic the pipeline tagged it with: an
 * ambiguous query that many items match), and the relevant items are those of their held-out likes
 * that carry that topic. The {@code personalize} clause runs with the query and without any personal
 * signal, and with {@code interest_candidates} true (the interests' own k-NN searches add candidates)
 * and false (the default: candidates from the query only), with the blend and, when one was trained,
 * the learned ranker. It measures what leaving the interests' k-NN searches out of a search costs.
 */
public final class SearchEvaluation {

    static final String KIND = "search";
    public static final String QUERY_ONLY = "search: query only (personal weights 0)";
    public static final String INTEREST_CANDIDATES = "search: personalize, interest_candidates true";
    public static final String QUERY_CANDIDATES = "search: personalize, interest_candidates false (default)";
    public static final String LEARNED = "search: learned ranker, interest_candidates true";
    public static final String LEARNED_QUERY_CANDIDATES = "search: learned ranker, interest_candidates false (default)";

    private final JsonNodeClient client;
    private final String index;

    public SearchEvaluation(JsonNodeClient client, String index) {
        this.client = client;
        this.index = index;
    }

    public List<SystemResult> evaluate(List<EvaluationCase> recommendationCases, SystemEvaluator evaluator, boolean learned) throws IOException {
        List<EvaluationCase> cases = searchCases(recommendationCases, topics(recommendationCases));
        Progress.log("personalized search: " + cases.size() + " of " + recommendationCases.size() + " listeners have a tagged held-out item to search for");
        List<SystemResult> results = new ArrayList<>();
        for (PersonalizeConfig config : configs(learned)) {
            results.add(evaluator.evaluate(new PersonalizeRecommender(client, index, config), cases));
        }
        return results;
    }

    static List<PersonalizeConfig> configs(boolean learned) {
        List<PersonalizeConfig> configs = new ArrayList<>();
        Map<String, Double> noPersonalSignal = Map.of("interest", 0.0, "collaborative", 0.0, "popularity", 0.0, "audio", 0.0);
        configs.add(new PersonalizeConfig(QUERY_ONLY, KIND, noPersonalSignal, null, null, null, null, null));
        configs.add(PersonalizeConfig.defaults(INTEREST_CANDIDATES, KIND).withInterestCandidates(true));
        configs.add(PersonalizeConfig.defaults(QUERY_CANDIDATES, KIND).withInterestCandidates(false));
        if (learned) {
            configs.add(PersonalizeConfig.defaults(LEARNED, KIND).withRanker("learned").withInterestCandidates(true));
            configs.add(PersonalizeConfig.defaults(LEARNED_QUERY_CANDIDATES, KIND).withRanker("learned").withInterestCandidates(false));
        }
        return configs;
    }

    /**
     * One search per listener: the first topic of their first tagged held-out like (in id order, so
     * the choice is the same in every run), with the held-out likes tagged with that topic as relevant.
     */
    static List<EvaluationCase> searchCases(List<EvaluationCase> cases, Map<String, List<String>> topicsByItem) {
        List<EvaluationCase> searches = new ArrayList<>();
        for (EvaluationCase c : cases) {
            String topic = new TreeSet<>(c.relevant()).stream().map(item -> topicsByItem.getOrDefault(item, List.of()))
                .filter(topics -> !topics.isEmpty()).map(List::getFirst).findFirst().orElse(null);
            if (topic != null) {
                Set<String> onTopic = new TreeSet<>();
                for (String item : c.relevant()) {
                    if (topicsByItem.getOrDefault(item, List.of()).contains(topic)) {
                        onTopic.add(item);
                    }
                }
                searches.add(new EvaluationCase(c.query().searching(topic), onTopic, c.seen()));
            }
        }
        return searches;
    }

    /** The topic tags of every relevant item, best first, as the pipeline wrote them. */
    @SuppressWarnings("unchecked")
    private Map<String, List<String>> topics(List<EvaluationCase> cases) throws IOException {
        List<String> items = List.copyOf(new TreeSet<>(cases.stream().flatMap(c -> c.relevant().stream()).toList()));
        Map<String, List<String>> topics = new HashMap<>();
        for (int from = 0; from < items.size(); from += 1000) {
            var body = JsonXContent.contentBuilder().startObject().array("ids", items.subList(from, Math.min(items.size(), from + 1000)).toArray(String[]::new))
                .endObject();
            List<Map<String, Object>> docs = (List<Map<String, Object>>) client.send("POST", "/" + index + "/_mget?_source=topics", body).get("docs");
            for (Map<String, Object> doc : docs) {
                Object source = doc.get("_source");
                if (source instanceof Map<?, ?> fields && fields.get("topics") instanceof List<?> tags) {
                    topics.put((String) doc.get("_id"), tags.stream().map(String::valueOf).toList());
                }
            }
        }
        return topics;
    }
}
