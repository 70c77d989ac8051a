package io.taskqueue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code taskqueue generate-completion}: a bash (and zsh) completion script for every command. */
class CompletionTest {
    @Test
    void printsABashCompletionScriptThatKnowsTheCommands() {
        Cli.Result r = Cli.create().run("generate-completion");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_taskqueue -o default taskqueue")
                .contains("function _picocli_taskqueue_dlq_replay()", "function _picocli_taskqueue_satloc_stats()",
                        "function _picocli_taskqueue_tracker_stats()", "function _picocli_taskqueue_migrate()")
                .contains("--older-than", "--dry-run", "--db");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theHelpListsIt() {
        assertThat(Cli.create().run("--help").out())
                .contains("generate-completion  Generate bash/zsh completion script for taskqueue.");
    }
}
