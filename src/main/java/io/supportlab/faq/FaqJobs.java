package io.supportlab.faq;

import io.supportlab.platform.ClusterJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the knowledge base's shared background work runs: once per cluster. (Each instance keeps
 * its own search index copy and search log buffer up to date itself: {@link FaqIndexSync}, {@link
 * SearchLog}.)
 */
@Component
class FaqJobs {

    private static final ClusterJobs.Job FORGET_CLIENTS =
            ClusterJobs.Job.every("faq-forget-clients", Duration.ofHours(1), Duration.ofMinutes(30));

    private final ClusterJobs jobs;
    private final FaqAnalytics analytics;

    FaqJobs(ClusterJobs jobs, FaqAnalytics analytics) {
        this.jobs = jobs;
        this.analytics = analytics;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetClients() {
        jobs.runOnce(FORGET_CLIENTS, analytics::forgetClients);
    }
}
