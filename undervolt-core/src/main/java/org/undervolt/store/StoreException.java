package org.undervolt.store;

import java.sql.SQLException;

/** The results store failed in a way the user's input does not explain (disk full, locked too long, ...). */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
