package io.taskqueue.redis;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code prefix} query parameter of a backend URL ({@code redis://host:6379?prefix=myapp}):
 * ours, not Lettuce's, so it is read here and removed before Lettuce parses the URL. The other
 * parameters ({@code timeout}, {@code sentinelMasterId}, ...) stay in place, in their order.
 *
 * @param url the URL without the parameter
 * @param prefix the decoded parameter, or {@code null} when the URL has none
 */
record UrlPrefix(String url, String prefix) {
    private static final String NAME = "prefix";

    /** Splits {@code url} into the URL without its {@code prefix} parameter and that parameter. */
    static UrlPrefix of(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return new UrlPrefix(url, null);
        }
        int hash = url.indexOf('#', q);
        String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String prefix = null;
        List<String> kept = new ArrayList<>();
        for (String param : query.split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = eq < 0 ? param : param.substring(0, eq);
            if (!NAME.equals(name)) {
                kept.add(param);
                continue;
            }
            String value = eq < 0 ? "" : URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8);
            if (value.isEmpty()) {
                throw new IllegalArgumentException("the URL's prefix parameter is empty; give one, e.g. ?prefix=myapp,"
                        + " or leave it out for the default");
            }
            if (prefix != null && !prefix.equals(value)) {
                throw new IllegalArgumentException("the URL gives two prefixes: " + prefix + " and " + value);
            }
            prefix = value;
        }
        String rest = url.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept)) + fragment;
        return new UrlPrefix(rest, prefix);
    }
}
