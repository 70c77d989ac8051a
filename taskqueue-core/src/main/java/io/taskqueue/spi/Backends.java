package io.taskqueue.spi;

import io.taskqueue.BackendException;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * Opens backends from URLs: finds the {@link BackendProvider} of a URL's scheme among those on the
 * class or module path. Applications open a {@code TaskQueue} instead; this is for tools and tests
 * that work on the backend seam itself.
 */
public final class Backends {
    private Backends() {
    }

    /** Opens the backend at {@code url}; fails clearly for a malformed URL or an unknown scheme. */
    public static Backend open(String url, BackendContext context) {
        String scheme = scheme(url);
        Map<String, BackendProvider> providers = providers();
        BackendProvider provider = providers.get(scheme);
        if (provider == null) {
            throw new IllegalArgumentException("no backend for URL scheme '" + scheme + "' in " + maskPassword(url)
                    + "; schemes available: " + String.join(", ", providers.keySet())
                    + " (is the module of that backend on the class path?)");
        }
        Backend backend = provider.open(url, context);
        if (backend == null) {
            throw new BackendException(provider.getClass().getName() + " opened no backend for " + maskPassword(url));
        }
        return backend;
    }

    /** The URL schemes that can be opened, sorted. */
    public static Set<String> schemes() {
        return providers().keySet();
    }

    /** {@code url} with the password of any {@code user:password@} part replaced by {@code ***}. */
    public static String maskPassword(String url) {
        if (url == null) {
            return "null";
        }
        return url.replaceAll("//([^:@/]*):[^@/]*@", "//$1:***@").replaceAll("//[^:@/]+@", "//***@");
    }

    private static Map<String, BackendProvider> providers() {
        Map<String, BackendProvider> byScheme = new TreeMap<>();
        for (BackendProvider provider : ServiceLoader.load(BackendProvider.class, Backends.class.getClassLoader())) {
            for (String scheme : provider.schemes()) {
                byScheme.putIfAbsent(scheme.toLowerCase(Locale.ROOT), provider);
            }
        }
        return byScheme;
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0 || !url.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            throw new IllegalArgumentException("not a backend URL (expected scheme:..., e.g. redis://localhost:6379"
                    + " or memory:): " + maskPassword(url));
        }
        return url.substring(0, colon).toLowerCase(Locale.ROOT);
    }
}
