package com.podcastpersonalize.model;

import org.opensearch.common.xcontent.XContentType;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The podcast topic labels ({@code taxonomy/podcast-categories.yml}): categories and subcategories,
 * each with the text that is embedded to compare episodes against.
 */
public final class TopicTaxonomy {

    public static final String FILE = "taxonomy/podcast-categories.yml";

    /** One label: its name (written into topic fields), its parent category (null at top level), the text embedded for it. */
    public record Topic(String name, String parent, String text) {}

    private final List<Topic> topics;

    TopicTaxonomy(List<Topic> topics) {
        this.topics = List.copyOf(topics);
    }

    public List<Topic> topics() {
        return topics;
    }

    /** Reads the node's copy under {@code pluginConfigDir} when present, else the one bundled in the jar. */
    public static TopicTaxonomy load(Optional<Path> pluginConfigDir) {
        Optional<Path> nodeFile = pluginConfigDir.map(dir -> dir.resolve(FILE)).filter(Files::isRegularFile);
        try {
            if (nodeFile.isPresent()) {
                try (InputStream in = Files.newInputStream(nodeFile.get())) {
                    return parse(in, nodeFile.get().toString());
                }
            }
            try (InputStream in = TopicTaxonomy.class.getClassLoader().getResourceAsStream(ModelCatalog.CLASSPATH_CONFIG_ROOT + FILE)) {
                if (in == null) {
                    throw new IllegalStateException("the plugin jar has no " + FILE);
                }
                return parse(in, "classpath:" + FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    static TopicTaxonomy parse(InputStream in, String origin) throws IOException {
        Map<String, Object> root;
        try (
            XContentParser parser = XContentType.YAML.xContent()
                .createParser(NamedXContentRegistry.EMPTY, DeprecationHandler.THROW_UNSUPPORTED_OPERATION, in)
        ) {
            root = parser.map();
        }
        if (!(root.get("categories") instanceof List<?> categories) || categories.isEmpty()) {
            throw new IllegalArgumentException(origin + ": [categories] must be a non-empty list");
        }
        List<Topic> topics = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Object item : categories) {
            if (!(item instanceof Map<?, ?> category) || !(category.get("name") instanceof String name) || name.isBlank()) {
                throw new IllegalArgumentException(origin + ": every category needs a [name]");
            }
            addUnique(names, name, origin);
            topics.add(new Topic(name, null, String.valueOf(category.get("text") == null ? name : category.get("text"))));
            Object subcategories = category.get("subcategories");
            if (subcategories instanceof List<?> subs) {
                for (Object sub : subs) {
                    String subName = String.valueOf(sub);
                    addUnique(names, subName, origin);
                    topics.add(new Topic(subName, name, subName + " (" + name + ")"));
                }
            } else if (subcategories != null) {
                throw new IllegalArgumentException(origin + ": [subcategories] of [" + name + "] must be a list");
            }
        }
        return new TopicTaxonomy(topics);
    }

    private static void addUnique(Set<String> names, String name, String origin) {
        if (!names.add(name)) {
            throw new IllegalArgumentException(origin + ": topic [" + name + "] appears twice");
        }
    }
}
