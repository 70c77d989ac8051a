package io.taskqueue.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptRunnerTest {
    @Test
    void everyScriptLoadsWithItsIncludesResolvedAndAHeader() {
        for (Script script : Script.values()) {
            String source = ScriptRunner.source(script);
            assertThat(source).as(script.fileName()).startsWith("--[[").doesNotContain("--@include");
            String header = source.substring(0, source.indexOf("]]"));
            assertThat(header).as(script.fileName() + " header").contains("Returns");
        }
    }

    @Test
    void scriptsNeverReadTheServerClock() {
        for (Script script : Script.values()) {
            assertThat(ScriptRunner.source(script)).as(script.fileName()).doesNotContain("\"TIME\"");
        }
    }
}
