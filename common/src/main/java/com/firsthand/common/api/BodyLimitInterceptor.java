package com.firsthand.common.api;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts a request body as it is read and refuses it in the error format once it passes the limit. */
@Provider
public class BodyLimitInterceptor implements ReaderInterceptor {

    private final HttpLimits limits;

    public BodyLimitInterceptor(HttpLimits limits) {
        this.limits = limits;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Bounded(context.getInputStream(), limits.maxBodyBytes()));
        return context.proceed();
    }

    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new ApiException(413, ApiException.INVALID_REQUEST, ErrorCodes.REQUEST_TOO_LARGE,
                        "The request body is larger than the " + limit + " bytes accepted on this path.", null,
                        java.util.Map.of("Connection", "close"));
            }
        }
    }
}
