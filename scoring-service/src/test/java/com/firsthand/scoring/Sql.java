package com.firsthand.scoring;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Plain SQL against scoring-service's own database, for tests that set up or inspect rows directly. */
final class Sql {

    private final AgroalDataSource db;

    Sql(AgroalDataSource db) {
        this.db = db;
    }

    void execute(String sql, String... values) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = prepare(c, sql, values)) {
            s.executeUpdate();
        }
    }

    /** The first column of the first row, or null when there is no row. */
    <T> T first(Class<T> type, String sql, String... values) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = prepare(c, sql, values);
                ResultSet rows = s.executeQuery()) {
            return rows.next() ? rows.getObject(1, type) : null;
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, String... values) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            statement.setString(i + 1, values[i]);
        }
        return statement;
    }
}
