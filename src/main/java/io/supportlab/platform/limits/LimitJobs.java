package io.supportlab.platform.limits;

import io.supportlab.platform.ClusterJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** When the rate limiter's clean-up runs: once per cluster. */
@Component
class LimitJobs {

    private static final ClusterJobs.Job FORGET_FULL_BUCKETS =
            ClusterJobs.Job.every("rate-limits-forget-full-buckets", Duration.ofMinutes(10), Duration.ofMinutes(10));

    private final ClusterJobs jobs;
    private final RateLimiter limiter;

    LimitJobs(ClusterJobs jobs, RateLimiter limiter) {
        this.jobs = jobs;
        this.limiter = limiter;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT5M")
    void forgetFullBuckets() {
        jobs.runOnce(FORGET_FULL_BUCKETS, limiter::forgetFullBuckets);
    }
}
