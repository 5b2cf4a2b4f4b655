package io.supportlab.accounts;

import io.supportlab.platform.ClusterJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** When the accounts' clean-up runs: once per cluster. */
@Component
class AccountJobs {

    private static final ClusterJobs.Job FORGET_QUIET_LOGIN_FAILURES = ClusterJobs.Job.every(
            "accounts-forget-quiet-login-failures", Duration.ofMinutes(10), Duration.ofMinutes(10));

    private final ClusterJobs jobs;
    private final LoginThrottle throttle;

    AccountJobs(ClusterJobs jobs, LoginThrottle throttle) {
        this.jobs = jobs;
        this.throttle = throttle;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT5M")
    void forgetQuietLoginFailures() {
        jobs.runOnce(FORGET_QUIET_LOGIN_FAILURES, throttle::forgetQuietCounts);
    }
}
