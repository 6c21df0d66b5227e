package com.podcastpersonalize.model;

import org.opensearch.common.xcontent.XContentType;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The text models this node can load, read from {@code models.yml}.
 *
 * <p>The file ships in the plugin's {@code config/} folder, which the plugin installer copies to
 * {@code <node config>/podcast-personalize/}; operators add models by editing that copy. The same
 * file is also packed into the plugin jar, so nodes without a plugin config folder (in-JVM test
 * clusters) get the bundled defaults.
 */
public final class ModelCatalog {

    public static final String FILE_NAME = "models.yml";
    /** Where the plugin's {@code config/} folder sits on the classpath. */
    public static final String CLASSPATH_CONFIG_ROOT = "podcast-personalize-config/";
    private static final String CLASSPATH_PREFIX = "classpath:";

    private final Map<String, ModelDescriptor> models;
    private final String defaultModel;
    /** Folder that relative model paths are resolved against, empty when read from the classpath. */
    private final Optional<Path> baseDir;
    private final String origin;

    private ModelCatalog(Map<String, ModelDescriptor> models, String defaultModel, Optional<Path> baseDir, String origin) {
        this.models = models;
        this.defaultModel = defaultModel;
        this.baseDir = baseDir;
        this.origin = origin;
    }

    /**
     * Reads the node's {@code models.yml} from {@code pluginConfigDir} when it exists there, else the
     * copy bundled in the plugin jar.
     *
     * @throws IllegalArgumentException when the file is malformed (the node should not start with it)
     */
    public static ModelCatalog load(Optional<Path> pluginConfigDir) {
        Optional<Path> nodeFile = pluginConfigDir.map(dir -> dir.resolve(FILE_NAME)).filter(Files::isRegularFile);
        try {
            if (nodeFile.isPresent()) {
                try (InputStream in = Files.newInputStream(nodeFile.get())) {
                    return parse(in, Optional.of(nodeFile.get().getParent()), nodeFile.get().toString());
                }
            }
            String resource = CLASSPATH_CONFIG_ROOT + FILE_NAME;
            try (InputStream in = ModelCatalog.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the plugin jar has no " + resource);
                }
                return parse(in, Optional.empty(), CLASSPATH_PREFIX + resource);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE_NAME, e);
        }
    }

    static ModelCatalog parse(InputStream in, Optional<Path> baseDir, String origin) throws IOException {
        Map<String, Object> root;
        try (
            XContentParser parser = XContentType.YAML.xContent()
                .createParser(NamedXContentRegistry.EMPTY, DeprecationHandler.THROW_UNSUPPORTED_OPERATION, in)
        ) {
            root = parser.map();
        }
        if (!(root.get("models") instanceof Map<?, ?> modelMap) || modelMap.isEmpty()) {
            throw new IllegalArgumentException(origin + ": [models] must map model names to their settings");
        }
        Map<String, ModelDescriptor> models = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : modelMap.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (!(entry.getValue() instanceof Map<?, ?> settings)) {
                throw new IllegalArgumentException(origin + ": model [" + name + "] must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) settings;
            models.put(name, ModelDescriptor.fromMap(name, typed));
        }
        String defaultModel = String.valueOf(root.getOrDefault("default", models.keySet().iterator().next()));
        if (!models.containsKey(defaultModel)) {
            throw new IllegalArgumentException(origin + ": [default] names model [" + defaultModel + "], which is not in [models] " + models.keySet());
        }
        return new ModelCatalog(Map.copyOf(models), defaultModel, baseDir, origin);
    }

    public Collection<ModelDescriptor> all() {
        return models.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    public Optional<ModelDescriptor> find(String name) {
        return Optional.ofNullable(models.get(name));
    }

    /** The model used where none is named, as set in {@code models.yml}. */
    public String defaultModel() {
        return defaultModel;
    }

    /** Where this catalog was read from (a file path, or {@code classpath:...}). */
    public String origin() {
        return origin;
    }

    /**
     * Checks that a model's files can be found, without loading it.
     *
     * @return empty when both files are there, else what is missing
     */
    public Optional<String> missingFiles(ModelDescriptor model) {
        StringBuilder missing = new StringBuilder();
        for (String file : new String[] { model.modelFile(), model.tokenizerFile() }) {
            if (locate(file).isEmpty()) {
                missing.append(missing.isEmpty() ? "not found: " : ", ").append(file);
            }
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(missing.toString());
    }

    /** Resolves {@code classpath:NAME} or a path relative to the models file to a readable URL. */
    public Optional<URL> locate(String file) {
        if (file.startsWith(CLASSPATH_PREFIX)) {
            return Optional.ofNullable(ModelCatalog.class.getClassLoader().getResource(file.substring(CLASSPATH_PREFIX.length())));
        }
        Path path = baseDir.map(dir -> dir.resolve(file)).orElse(Path.of(file)).normalize();
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(path.toUri().toURL());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
