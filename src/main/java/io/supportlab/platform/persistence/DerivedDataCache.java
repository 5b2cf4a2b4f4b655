package io.supportlab.platform.persistence;

/**
 * An in-memory copy of data derived from the database, kept for a few seconds to spare the database
 * a query per request. Each cache drops its entries when the application changes their source; this
 * drops them all, for when the database changed under the application (the tests empty the tables
 * between cases).
 */
public interface DerivedDataCache {

    void invalidateAll();
}
