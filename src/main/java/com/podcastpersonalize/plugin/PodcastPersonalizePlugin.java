package com.podcastpersonalize.plugin;

import com.podcastpersonalize.collaborative.CollaborativeCandidatesLoader;
import com.podcastpersonalize.collaborative.CollaborativeTrainer;
import com.podcastpersonalize.diversify.DiversifyProcessorFactory;
import com.podcastpersonalize.diversify.DiversifyResponseProcessor;
import com.podcastpersonalize.events.EventIngest;
import com.podcastpersonalize.listeners.EpisodeCache;
import com.podcastpersonalize.listeners.FlushOnShutdown;
import com.podcastpersonalize.listeners.ListenerFlushAction;
import com.podcastpersonalize.listeners.ListenerIds;
import com.podcastpersonalize.listeners.ListenerIndices;
import com.podcastpersonalize.listeners.ListenerProfiles;
import com.podcastpersonalize.listeners.ProfileInterestsSource;
import com.podcastpersonalize.listeners.ProfileStore;
import com.podcastpersonalize.listeners.TransportListenerFlushAction;
import com.podcastpersonalize.listeners.TransportListenerInterestsAction;
import com.podcastpersonalize.model.DjlRuntime;
import com.podcastpersonalize.model.ModelCatalog;
import com.podcastpersonalize.model.TextEmbeddingService;
import com.podcastpersonalize.model.TopicTaxonomy;
import com.podcastpersonalize.processor.audio.AudioEmbeddingProcessor;
import com.podcastpersonalize.processor.audio.AudioEmbeddingService;
import com.podcastpersonalize.processor.audio.AudioVectorizer;
import com.podcastpersonalize.processor.audio.FeatureStandardizer;
import com.podcastpersonalize.processor.audio.source.AudioAccessPolicy;
import com.podcastpersonalize.processor.audio.source.AudioSourceResolver;
import com.podcastpersonalize.processor.text.TextEmbeddingProcessor;
import com.podcastpersonalize.processor.text.TextEmbeddingProcessorFactory;
import com.podcastpersonalize.query.ActiveRankerAction;
import com.podcastpersonalize.query.ListenerInterestsAction;
import com.podcastpersonalize.query.PersonalizeQueryBuilder;
import com.podcastpersonalize.query.QueryTextEmbeddingAction;
import com.podcastpersonalize.query.TransportQueryTextEmbeddingAction;
import com.podcastpersonalize.ranker.RankerIndex;
import com.podcastpersonalize.ranker.RankerModelStore;
import com.podcastpersonalize.ranker.RankerTrainAction;
import com.podcastpersonalize.ranker.RankerTrainingParameters;
import com.podcastpersonalize.ranker.RankerTrainingService;
import com.podcastpersonalize.ranker.TrainingKind;
import com.podcastpersonalize.ranker.TransportActiveRankerAction;
import com.podcastpersonalize.ranker.TransportRankerTrainAction;
import com.podcastpersonalize.rescore.PersonalizeRescorerBuilder;
import com.podcastpersonalize.rest.RestCollaborativeAction;
import com.podcastpersonalize.rest.RestEmbedAction;
import com.podcastpersonalize.rest.RestListenerAction;
import com.podcastpersonalize.rest.RestListenerEventsAction;
import com.podcastpersonalize.rest.RestPodcastInfoAction;
import com.podcastpersonalize.rest.RestModelTrainingAction;
import com.podcastpersonalize.sequence.SequenceInterests;
import com.podcastpersonalize.sequence.SequenceModelStore;
import com.podcastpersonalize.sequence.SequenceTrainAction;
import com.podcastpersonalize.sequence.SequenceTrainingParameters;
import com.podcastpersonalize.sequence.SequenceTrainingService;
import com.podcastpersonalize.sequence.TransportSequenceTrainAction;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.cluster.metadata.IndexNameExpressionResolver;
import org.opensearch.cluster.node.DiscoveryNodes;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.IndexScopedSettings;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.settings.SettingsFilter;
import org.opensearch.common.util.concurrent.OpenSearchExecutors;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.env.Environment;
import org.opensearch.env.NodeEnvironment;
import org.apache.lucene.util.SetOnce;
import org.opensearch.ingest.Processor;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.IngestPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.SearchPipelinePlugin;
import org.opensearch.plugins.SearchPlugin;
import org.opensearch.repositories.RepositoriesService;
import org.opensearch.rest.RestController;
import org.opensearch.rest.RestHandler;
import org.opensearch.search.pipeline.SearchResponseProcessor;
import org.opensearch.script.ScriptService;
import org.opensearch.threadpool.ExecutorBuilder;
import org.opensearch.threadpool.FixedExecutorBuilder;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;
import org.opensearch.watcher.ResourceWatcherService;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Entry point of podcast-personalize: wires settings, thread pools, components and REST handlers.
 * It holds no logic of its own.
 */
public class PodcastPersonalizePlugin extends Plugin implements ActionPlugin, IngestPlugin, SearchPlugin, SearchPipelinePlugin {

    public static final String NAME = "podcast-personalize";
    /** Thread pool for model inference, so that it never runs on transport or search threads. */
    public static final String INFERENCE_THREAD_POOL = "podcast_inference";
    private static final String INFERENCE_THREAD_POOL_SETTINGS_PREFIX = PodcastSettings.PREFIX + "inference_pool";
    /** Thread pool for audio fetching, decoding and analysis. */
    public static final String AUDIO_THREAD_POOL = "podcast_audio";
    /** Model training (collaborative, learned ranker, sequence model): one at a time, off the search and write pools. */
    public static final String TRAINING_THREAD_POOL = "podcast_training";
    private static final String TRAINING_THREAD_POOL_SETTINGS_PREFIX = PodcastSettings.PREFIX + "training_pool";
    private static final String AUDIO_THREAD_POOL_SETTINGS_PREFIX = PodcastSettings.PREFIX + "audio_pool";

    /** Set in createComponents; processors and REST handlers are built earlier and read it lazily. */
    private final SetOnce<TextEmbeddingService> textEmbeddings = new SetOnce<>();
    private final SetOnce<AudioEmbeddingService> audioEmbeddings = new SetOnce<>();
    private final SetOnce<ListenerIds> listenerIds = new SetOnce<>();
    private final SetOnce<EventIngest> eventIngest = new SetOnce<>();
    private final SetOnce<ListenerProfiles> listenerProfiles = new SetOnce<>();
    private final SetOnce<CollaborativeTrainer> collaborativeTrainer = new SetOnce<>();
    private final SetOnce<RankerTrainingService> rankerTraining = new SetOnce<>();
    private final SetOnce<SequenceTrainingService> sequenceTraining = new SetOnce<>();

    @Override
    public Collection<Object> createComponents(
        Client client,
        ClusterService clusterService,
        ThreadPool threadPool,
        ResourceWatcherService resourceWatcherService,
        ScriptService scriptService,
        NamedXContentRegistry xContentRegistry,
        Environment environment,
        NodeEnvironment nodeEnvironment,
        NamedWriteableRegistry namedWriteableRegistry,
        IndexNameExpressionResolver indexNameExpressionResolver,
        Supplier<RepositoriesService> repositoriesServiceSupplier
    ) {
        Optional<Path> pluginConfig = Optional.of(environment.configDir().resolve(NAME));
        // DJL's extracted native libraries live under the node's data path, the one place it may write
        DjlRuntime.configure(nodeEnvironment.nodeDataPaths()[0].resolve(NAME).resolve("djl"));
        int poolSize = threadPool.info(INFERENCE_THREAD_POOL).getMax();
        int engineThreads = Math.max(1, OpenSearchExecutors.allocatedProcessors(environment.settings()) / poolSize);
        TextEmbeddingService service = new TextEmbeddingService(
            ModelCatalog.load(pluginConfig),
            TopicTaxonomy.load(pluginConfig),
            threadPool,
            INFERENCE_THREAD_POOL,
            clusterService.getClusterSettings(),
            engineThreads,
            PodcastSettings.TEXT_CHUNK_OVERLAP_TOKENS.get(environment.settings())
        );
        textEmbeddings.set(service);
        AudioEmbeddingService audio = new AudioEmbeddingService(
            threadPool,
            AUDIO_THREAD_POOL,
            clusterService.getClusterSettings(),
            new AudioSourceResolver(
                () -> audioAccessPolicy(clusterService.getClusterSettings()),
                environment.tmpDir().resolve(NAME),
                (delayMillis, task) -> {
                    var scheduled = threadPool.schedule(task, org.opensearch.common.unit.TimeValue.timeValueMillis(delayMillis), ThreadPool.Names.GENERIC);
                    return scheduled::cancel;
                }
            ),
            new AudioVectorizer(loadFeatureStatistics(pluginConfig))
        );
        audioEmbeddings.set(audio);

        // listener events and profiles; the personalize query reads the same profiles
        Settings nodeSettings = environment.settings();
        ListenerIds ids = PodcastSettings.LISTENERS_PSEUDONYMIZE.get(nodeSettings)
            ? ListenerIds.pseudonymizing(PodcastSettings.LISTENERS_PSEUDONYMIZE_KEY.get(nodeSettings))
            : ListenerIds.plain();
        listenerIds.set(ids);
        ListenerIndices listenerIndices = new ListenerIndices(client, clusterService);
        ProfileStore profileStore = new ProfileStore(
            client,
            listenerIndices,
            threadPool::absoluteTimeInMillis,
            PodcastSettings.LISTENERS_PROFILE_CACHE_SIZE.get(nodeSettings)
        );
        // held-back profile updates are written when the node stops (while it can still write)
        clusterService.addLifecycleListener(new FlushOnShutdown(profileStore, 10_000));
        EpisodeCache episodeCache = new EpisodeCache(
            PodcastSettings.LISTENERS_EPISODE_CACHE_SIZE.get(nodeSettings),
            PodcastSettings.LISTENERS_EPISODE_CACHE_EXPIRE.get(nodeSettings)
        );
        eventIngest.set(new EventIngest(client, listenerIndices, profileStore, textEmbeddings::get, episodeCache, threadPool::absoluteTimeInMillis));
        listenerProfiles.set(new ListenerProfiles(client, listenerIndices, profileStore, textEmbeddings::get));
        collaborativeTrainer.set(new CollaborativeTrainer(client, clusterService, threadPool, TRAINING_THREAD_POOL, threadPool::absoluteTimeInMillis));
        CollaborativeCandidatesLoader collaborative = new CollaborativeCandidatesLoader(client, clusterService, PodcastSettings.COLLABORATIVE_CACHE_SIZE.get(nodeSettings));
        // the learned ranker and the sequence model: versions in the ranker index, trained on the training pool
        RankerIndex rankerIndex = new RankerIndex(client, clusterService);
        RankerModelStore rankerModels = new RankerModelStore(client, clusterService, rankerIndex, System::nanoTime);
        rankerTraining.set(new RankerTrainingService(client, clusterService, threadPool, TRAINING_THREAD_POOL, rankerIndex, rankerModels));
        SequenceModelStore sequenceModels = new SequenceModelStore(client, clusterService, rankerIndex, System::nanoTime);
        sequenceTraining.set(new SequenceTrainingService(client, clusterService, threadPool, TRAINING_THREAD_POOL, rankerIndex, sequenceModels));
        SequenceInterests sequenceInterests = new SequenceInterests(client, clusterService.getClusterSettings(), sequenceModels, episodeCache);
        ProfileInterestsSource interests = new ProfileInterestsSource(ids, profileStore::get, collaborative::load, sequenceInterests::predict);
        // injected into the internal actions the personalize query and rescorer call during rewrite, the training
        // actions, and the action that makes every node write or drop the profile updates it holds back
        return List.of(service, audio, interests, rankerModels, rankerTraining.get(), sequenceModels, sequenceTraining.get(), profileStore);
    }

    private static AudioAccessPolicy audioAccessPolicy(ClusterSettings settings) {
        return new AudioAccessPolicy(
            settings.get(PodcastSettings.AUDIO_ALLOWED_PATHS).stream().map(Path::of).toList(),
            settings.get(PodcastSettings.AUDIO_ALLOWED_HOSTS),
            settings.get(PodcastSettings.AUDIO_ALLOW_PRIVATE_ADDRESSES),
            settings.get(PodcastSettings.AUDIO_MAX_BYTES).getBytes(),
            settings.get(PodcastSettings.AUDIO_TIMEOUT).millis()
        );
    }

    /** The standardization statistics of the audio features: the node's copy when present, else the bundled one. */
    private static FeatureStandardizer loadFeatureStatistics(Optional<Path> pluginConfig) {
        try {
            Optional<Path> nodeCopy = pluginConfig.map(dir -> dir.resolve("audio-feature-stats.json")).filter(java.nio.file.Files::isRegularFile);
            return nodeCopy.isPresent() ? FeatureStandardizer.load(nodeCopy.get()) : FeatureStandardizer.loadDefault();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the audio feature statistics", e);
        }
    }

    @Override
    public List<Setting<?>> getSettings() {
        return PodcastSettings.all();
    }

    @Override
    public List<ExecutorBuilder<?>> getExecutorBuilders(Settings settings) {
        // settings plugins.podcast.inference_pool.size and .queue_size; a full queue rejects with 429.
        // One thread by default: the engine itself runs each call on all cores (engine threads =
        // processors / pool size), and big batches on one thread beat small ones on many.
        int processors = OpenSearchExecutors.allocatedProcessors(settings);
        return List.of(
            new FixedExecutorBuilder(settings, INFERENCE_THREAD_POOL, 1, 1000, INFERENCE_THREAD_POOL_SETTINGS_PREFIX),
            // decoding is single-threaded per episode: one thread per processor, a short queue (episodes are big)
            new FixedExecutorBuilder(settings, AUDIO_THREAD_POOL, processors, 200, AUDIO_THREAD_POOL_SETTINGS_PREFIX),
            new FixedExecutorBuilder(settings, TRAINING_THREAD_POOL, 1, 10, TRAINING_THREAD_POOL_SETTINGS_PREFIX)
        );
    }

    @Override
    public Map<String, Processor.Factory> getProcessors(Processor.Parameters parameters) {
        return Map.of(
            TextEmbeddingProcessor.TYPE,
            new TextEmbeddingProcessorFactory(textEmbeddings::get),
            AudioEmbeddingProcessor.TYPE,
            new AudioEmbeddingProcessor.Factory(audioEmbeddings::get)
        );
    }

    @Override
    public List<ActionHandler<?, ?>> getActions() {
        return List.of(
            new ActionHandler<>(QueryTextEmbeddingAction.INSTANCE, TransportQueryTextEmbeddingAction.class),
            new ActionHandler<>(ListenerInterestsAction.INSTANCE, TransportListenerInterestsAction.class),
            new ActionHandler<>(ListenerFlushAction.INSTANCE, TransportListenerFlushAction.class),
            new ActionHandler<>(RankerTrainAction.INSTANCE, TransportRankerTrainAction.class),
            new ActionHandler<>(ActiveRankerAction.INSTANCE, TransportActiveRankerAction.class),
            new ActionHandler<>(SequenceTrainAction.INSTANCE, TransportSequenceTrainAction.class)
        );
    }

    @Override
    public List<QuerySpec<?>> getQueries() {
        return List.of(new QuerySpec<>(PersonalizeQueryBuilder.NAME, PersonalizeQueryBuilder::new, PersonalizeQueryBuilder::fromXContent));
    }

    @Override
    public List<RescorerSpec<?>> getRescorers() {
        return List.of(new RescorerSpec<>(PersonalizeRescorerBuilder.NAME, PersonalizeRescorerBuilder::new, PersonalizeRescorerBuilder::fromXContent));
    }

    @Override
    public Map<String, org.opensearch.search.pipeline.Processor.Factory<SearchResponseProcessor>> getResponseProcessors(SearchPipelinePlugin.Parameters parameters) {
        return Map.of(DiversifyResponseProcessor.TYPE, new DiversifyProcessorFactory());
    }

    @Override
    public List<RestHandler> getRestHandlers(
        Settings settings,
        RestController restController,
        ClusterSettings clusterSettings,
        IndexScopedSettings indexScopedSettings,
        SettingsFilter settingsFilter,
        IndexNameExpressionResolver indexNameExpressionResolver,
        Supplier<DiscoveryNodes> nodesInCluster
    ) {
        return List.of(
            new RestPodcastInfoAction(textEmbeddings::get, clusterSettings),
            new RestEmbedAction(textEmbeddings::get),
            new RestListenerEventsAction(eventIngest::get, listenerIds::get, clusterSettings, System::currentTimeMillis),
            new RestListenerAction(listenerProfiles::get, listenerIds::get),
            new RestCollaborativeAction(collaborativeTrainer::get, clusterSettings),
            new RestModelTrainingAction<>("podcast_ranker_action", TrainingKind.RANKER, rankerTraining::get, RankerTrainingParameters::parse, RankerTrainingParameters::defaults),
            new RestModelTrainingAction<>("podcast_sequence_action", SequenceModelStore.KIND, sequenceTraining::get, SequenceTrainingParameters::parse, SequenceTrainingParameters::defaults)
        );
    }

    @Override
    public void close() throws IOException {
        AudioEmbeddingService audio = audioEmbeddings.get();
        if (audio != null) {
            audio.close();
        }
        TextEmbeddingService service = textEmbeddings.get();
        if (service != null) {
            service.close();
        }
    }
}
