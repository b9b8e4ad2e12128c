package com.firsthand.common.paging;

import java.util.List;
import java.util.function.Function;

/** {@code {"object": "list", "data": [...], "has_more", "next_cursor"}}. */
public record ListResponse<T>(String object, List<T> data, boolean hasMore, String nextCursor) {

    /**
     * Builds a page from up to {@code page.fetchSize()} rows fetched in list order.
     *
     * @param idOf the keyset id of a row, encoded into next_cursor
     */
    public static <R, T> ListResponse<T> of(List<R> rows, PageRequest page, String list, CursorCodec cursors,
            Function<R, String> idOf, Function<R, T> toApi) {
        boolean hasMore = rows.size() > page.limit();
        List<R> visible = hasMore ? rows.subList(0, page.limit()) : rows;
        String nextCursor = hasMore ? cursors.encode(list, idOf.apply(visible.get(visible.size() - 1))) : null;
        return new ListResponse<>("list", visible.stream().map(toApi).toList(), hasMore, nextCursor);
    }
}
