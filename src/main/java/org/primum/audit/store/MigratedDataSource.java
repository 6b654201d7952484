package org.primum.audit.store;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * The service's database as its stores see it: the default datasource, whose connections are handed out only once
 * {@link SchemaMigration} has migrated the schema (waiting for it, up to {@code primum.database.migration-wait}), or
 * {@link DatabaseUnavailableException} when it failed. Produced as the {@code DataSource} every {@code @Inject
 * DataSource} receives (an alternative chosen over Agroal's own bean, which is still there as {@code AgroalDataSource}),
 * so no store has to remember to wait.
 */
public final class MigratedDataSource implements DataSource {

    private final DataSource delegate;
    private final SchemaMigration migration;

    public MigratedDataSource(DataSource delegate, SchemaMigration migration) {
        this.delegate = delegate;
        this.migration = migration;
    }

    /** CDI: the injected {@code DataSource}. */
    @Singleton
    static final class Producer {
        @Produces
        @Singleton
        @Alternative
        @Priority(1)
        DataSource dataSource(AgroalDataSource agroal, SchemaMigration migration) {
            return new MigratedDataSource(agroal, migration);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        migration.await();
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        migration.await();
        return delegate.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }
}
