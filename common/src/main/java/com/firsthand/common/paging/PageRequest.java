package com.firsthand.common.paging;

import com.firsthand.common.api.ApiException;

/**
 * A validated page request: limit 1–100 (default 20) and the id after which the page starts (null for the
 * first page). Query parameters arrive as strings so that "abc" is a 400 naming the parameter, not a 404.
 */
public record PageRequest(int limit, String afterId) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(String limit, String cursor, String list, CursorCodec cursors) {
        int parsedLimit = parseLimit(limit);
        String afterId = cursor == null || cursor.isEmpty() ? null : cursors.decode(list, cursor);
        return new PageRequest(parsedLimit, afterId);
    }

    /** Rows to fetch: one more than the page, to learn whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    static int parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        String digits = limit.trim();
        // Plain ASCII digits only: Integer.parseInt would also take a sign and digits of other scripts.
        if (!digits.isEmpty() && digits.length() <= 9 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int value = Integer.parseInt(digits);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        }
        throw ApiException.invalidParam("limit", "limit must be an integer between 1 and " + MAX_LIMIT + ".");
    }
}
