package com.firsthand.common.api;

import java.sql.SQLException;

/**
 * Recognises a failure caused by the database being unreachable or restarting (SQLSTATE class 08, connection
 * exception, and 57P01-57P03, shut down or not yet accepting connections), which a retry will get past.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable cause : Causes.of(failure)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }
}
