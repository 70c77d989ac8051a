package io.taskqueue.redis.internal;

import io.lettuce.core.RedisNoScriptException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the Lua scripts from the class path once (resolving {@code --@include name} lines against
 * {@code lua/includes/name.lua}), runs them with EVALSHA, and on NOSCRIPT (a restarted or flushed
 * server) loads the script again and retries once. In a Redis Cluster the script runs on the master
 * of its first key's slot, and the reload happens on every master.
 */
public final class ScriptRunner {
    private static final String ROOT = "/io/taskqueue/redis/lua/";
    private static final Pattern INCLUDE = Pattern.compile("(?m)^--@include (\\w+)\\s*$");

    private final RedisConnections connection;
    private final Map<Script, String> sources = new EnumMap<>(Script.class);
    private final Map<Script, String> shas = new EnumMap<>(Script.class);

    /** A runner over {@code connection}, which it does not close. */
    public ScriptRunner(RedisConnections connection) {
        this.connection = connection;
        for (Script script : Script.values()) {
            String source = source(script);
            sources.put(script, source);
            shas.put(script, sha1(source));
        }
    }

    /** The script's text with includes resolved. */
    public static String source(Script script) {
        String text = resource(ROOT + script.fileName() + ".lua");
        Matcher m = INCLUDE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(resource(ROOT + "includes/" + m.group(1) + ".lua")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Runs {@code script}; the reply is a Long, a String or a (nested) List, as {@link Script#output()} says. */
    public CompletionStage<Object> run(Script script, List<String> keys, List<String> args) {
        String[] k = keys.toArray(String[]::new);
        String[] a = args.toArray(String[]::new);
        CompletableFuture<Object> result = new CompletableFuture<>();
        evalsha(script, k, a).whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
            } else if (isNoScript(error)) {
                load(script).thenCompose(sha -> evalsha(script, k, a)).whenComplete((v, e) -> {
                    if (e == null) {
                        result.complete(v);
                    } else {
                        result.completeExceptionally(e);
                    }
                });
            } else {
                result.completeExceptionally(error);
            }
        });
        return result;
    }

    private CompletionStage<Object> evalsha(Script script, String[] keys, String[] args) {
        return connection.evalsha(shas.get(script), script.output(), keys, args);
    }

    private CompletionStage<String> load(Script script) {
        return connection.scriptLoad(sources.get(script)).thenApply(sha -> {
            if (!sha.equals(shas.get(script))) {
                throw new IllegalStateException("SCRIPT LOAD of " + script.fileName() + " returned " + sha
                        + ", expected " + shas.get(script));
            }
            return sha;
        });
    }

    private static boolean isNoScript(Throwable error) {
        Throwable e = error;
        while (e != null) {
            if (e instanceof RedisNoScriptException
                    || (e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT"))) {
                return true;
            }
            e = e.getCause();
        }
        return false;
    }

    private static String resource(String path) {
        try (InputStream in = ScriptRunner.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing Lua resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    }
}
