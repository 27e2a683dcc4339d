package org.openrpiconnect.cli;

import org.openrpiconnect.cli.service.CommandRunner;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Stands in for systemctl: records each command and answers with what the test says. */
final class FakeCommandRunner extends CommandRunner {
    private final Function<List<String>, Result> answers;
    final List<List<String>> commands = new CopyOnWriteArrayList<>();

    FakeCommandRunner(Env env, Function<List<String>, Result> answers) {
        super(env);
        this.answers = answers;
    }

    @Override
    public Result run(List<String> command, Duration timeout) {
        commands.add(command);
        return answers.apply(command);
    }

    static Result ok() {
        return new Result(0, "");
    }

    static Result failed(String output) {
        return new Result(1, output);
    }
}
