package io.supportlab.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background jobs (outbox dispatcher, digests, results). {@code supportlab.scheduling.enabled=false} stops them. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "supportlab.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {}
