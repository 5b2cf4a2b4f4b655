package io.supportlab.platform.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Registers a configuration or bean only when {@code spring.datasource.url} names PostgreSQL: for
 * what several instances share through the database and a single SQLite instance keeps in memory.
 * Decided from the URL, as {@link SqlDialect} is, because beans are registered before any
 * connection is opened.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Conditional(OnPostgreSqlCondition.class)
public @interface ConditionalOnPostgreSql {}
