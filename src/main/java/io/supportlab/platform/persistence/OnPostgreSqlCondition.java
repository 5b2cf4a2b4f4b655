package io.supportlab.platform.persistence;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** {@link ConditionalOnPostgreSql}: the configured database URL is a PostgreSQL one. */
final class OnPostgreSqlCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("spring.datasource.url", "");
        // An unsupported URL is reported by the SqlDialect bean; here it only means "not PostgreSQL".
        return url.startsWith(SqlDialect.POSTGRESQL_URL_PREFIX);
    }
}
