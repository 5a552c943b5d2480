package org.familystation.platform.input;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Refuses a request body larger than {@code familystation.input.max-body-size}: at once with 413 when its
 * {@code Content-Length} says so, and otherwise (a chunked body) as soon as reading passes the limit, which the
 * problem handler answers with the same 413. Runs before authentication, so an anonymous client cannot make the
 * server read 20 MB either. Uploads (spreadsheets to import, below one path) have a limit of their own.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final String uploadPath;
    private final long uploadLimit;
    private final BiConsumer<HttpServletResponse, Long> refuse;

    /**
     * @param uploadPath  requests below this path are uploads, limited to {@code uploadLimit}
     * @param refuse      writes the 413 problem for a limit
     */
    public BodyLimitFilter(long limit, String uploadPath, long uploadLimit,
                           BiConsumer<HttpServletResponse, Long> refuse) {
        this.limit = limit;
        this.uploadPath = uploadPath;
        this.uploadLimit = uploadLimit;
        this.refuse = refuse;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().startsWith(uploadPath) ? uploadLimit : this.limit;
        if (request.getContentLengthLong() > limit) {
            refuse.accept(response, limit);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
