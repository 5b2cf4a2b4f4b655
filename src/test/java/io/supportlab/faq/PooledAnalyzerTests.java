package io.supportlab.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class PooledAnalyzerTests {

    final AtomicInteger built = new AtomicInteger();
    final PooledAnalyzer analyzer = new PooledAnalyzer(
            () -> {
                built.incrementAndGet();
                StandardTokenizer source = new StandardTokenizer();
                return new Analyzer.TokenStreamComponents(source, new LowerCaseFilter(source));
            },
            LowerCaseFilter::new);

    @Test
    void aClosedStreamIsReusedByTheNextCallerOnAnyThread() throws Exception {
        assertThat(terms("Reset My Password")).containsExactly("reset", "my", "password");
        try (ExecutorService other = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(other.submit(() -> terms("Refund Policy")).get()).containsExactly("refund", "policy");
        }
        assertThat(built).hasValue(1);
        assertThat(analyzer.idle()).isEqualTo(1);
    }

    @Test
    void aStreamInUseIsNeverHandedOutTwice() throws Exception {
        try (TokenStream first = analyzer.tokenStream("f", "one two");
                TokenStream second = analyzer.tokenStream("f", "three four")) {
            assertThat(second).isNotSameAs(first);
            assertThat(drain(first)).containsExactly("one", "two");
            assertThat(drain(second)).containsExactly("three", "four");
        }
        assertThat(built).hasValue(2);
        assertThat(analyzer.idle()).isEqualTo(2);
    }

    @Test
    void closingTwicePoolsTheStreamOnce() throws Exception {
        TokenStream stream = analyzer.tokenStream("f", "once");
        assertThat(drain(stream)).containsExactly("once");
        stream.close();
        stream.close();
        assertThat(analyzer.idle()).isEqualTo(1);
    }

    @Test
    void aStreamNobodyClosedIsNotReused() throws Exception {
        TokenStream abandoned = analyzer.tokenStream("f", "left open");
        abandoned.reset();
        assertThat(terms("next caller")).containsExactly("next", "caller");
        assertThat(built).hasValue(2);
    }

    @Test
    void concurrentCallersEachSeeOnlyTheirOwnText() throws Exception {
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int task = 0; task < 64; task++) {
                int id = task;
                results.add(threads.submit(() -> IntStream.range(0, 300).allMatch(round -> {
                    String word = "w" + id + "x" + round;
                    return terms(word + " " + word).equals(List.of(word, word));
                })));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        }
        // Chains are built only while every pooled one is in use, never one per call.
        assertThat(built.get()).isLessThanOrEqualTo(64);
        assertThat(analyzer.idle()).isEqualTo(built.get());
    }

    private List<String> terms(String text) {
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            return drain(stream);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> drain(TokenStream stream) throws java.io.IOException {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        List<String> terms = new ArrayList<>();
        while (stream.incrementToken()) {
            terms.add(term.toString());
        }
        stream.end();
        return terms;
    }
}
