package io.taskqueue.redis.internal;

/** Reads fields of {@code INFO} replies. */
final class ServerInfo {
    private ServerInfo() {
    }

    /** The {@code redis_version} field of an {@code INFO server} reply, or "0". */
    static String version(String info) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("redis_version:")) {
                return line.substring("redis_version:".length()).trim();
            }
        }
        return "0";
    }
}
