package io.supportlab.faq;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.jspecify.annotations.Nullable;

/**
 * An analyzer whose token streams are reused through a pool shared by all threads, not per thread.
 *
 * <p>A Lucene analyzer keeps one token stream per thread for reuse, in a map guarded by one lock and purged of dead
 * threads as it grows. Requests here run on virtual threads, a new one per request, so that cache never hits:
 * every search built its tokenizers anew and added them to the map, and the lock and purges made the slowest
 * searches under load take seconds. Here a stream goes back to the pool when its consumer closes it (the token
 * stream contract requires that close before any reuse), and the next caller on any thread takes it from there.
 *
 * <p>Only for consumers that take streams through {@link #tokenStream}: the pooling lives in this analyzer's reuse
 * strategy, so do not wrap it in an {@code AnalyzerWrapper}, which reuses the wrapped chain its own way.
 */
final class PooledAnalyzer extends Analyzer {

    private final Supplier<TokenStreamComponents> chain;
    private final UnaryOperator<TokenStream> normalizer;
    private final Queue<TokenStreamComponents> idle = new ConcurrentLinkedQueue<>();

    /**
     * @param chain builds a new analysis chain (called only when every pooled one is in use)
     * @param normalizer what {@link Analyzer#normalize(String, String)} applies, for multi-term queries
     */
    PooledAnalyzer(Supplier<TokenStreamComponents> chain, UnaryOperator<TokenStream> normalizer) {
        super(new PoolStrategy());
        this.chain = chain;
        this.normalizer = normalizer;
    }

    /** Streams waiting to be reused. */
    int idle() {
        return idle.size();
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        TokenStreamComponents built = chain.get();
        ReturnToPool last = new ReturnToPool(built.getTokenStream());
        TokenStreamComponents pooled = new TokenStreamComponents(built.getSource(), last);
        last.owner = pooled;
        return pooled;
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return normalizer.apply(in);
    }

    /** The end of every pooled chain: closing the stream hands its chain back, once. */
    private final class ReturnToPool extends TokenFilter {

        /** The chain this filter ends, set as soon as the chain is built. */
        private @Nullable TokenStreamComponents owner;
        /** Set while a caller uses the chain; only that caller's thread reads or writes it meanwhile. */
        private boolean inUse;

        ReturnToPool(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            return input.incrementToken();
        }

        @Override
        public void close() throws IOException {
            super.close();
            if (inUse && owner != null) {
                inUse = false;
                idle.offer(owner);
            }
        }
    }

    private static final class PoolStrategy extends ReuseStrategy {

        @Override
        public TokenStreamComponents getReusableComponents(Analyzer analyzer, String fieldName) {
            TokenStreamComponents components = ((PooledAnalyzer) analyzer).idle.poll();
            if (components != null) {
                markInUse(components);
            }
            return components;
        }

        @Override
        public void setReusableComponents(Analyzer analyzer, String fieldName, TokenStreamComponents components) {
            // A new chain: in use from now on, pooled when closed.
            markInUse(components);
        }

        private static void markInUse(TokenStreamComponents components) {
            ((PooledAnalyzer.ReturnToPool) components.getTokenStream()).inUse = true;
        }
    }
}
