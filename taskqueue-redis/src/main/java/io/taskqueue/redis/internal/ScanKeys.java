package io.taskqueue.redis.internal;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisKeyCommands;
import java.util.ArrayList;
import java.util.List;

/** A full {@code SCAN MATCH} walk of one server, in batches, so that no call blocks Redis for long. */
final class ScanKeys {
    private static final long BATCH = 1000;

    private ScanKeys() {
    }

    /** Every key of the server behind {@code commands} that matches {@code pattern}. */
    static List<String> all(RedisKeyCommands<String, String> commands, String pattern) {
        List<String> keys = new ArrayList<>();
        ScanArgs args = ScanArgs.Builder.matches(pattern).limit(BATCH);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = commands.scan(cursor, args);
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }
}
