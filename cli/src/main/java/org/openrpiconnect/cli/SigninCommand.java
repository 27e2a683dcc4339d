package org.openrpiconnect.cli;

import org.openrpiconnect.cli.local.DaemonProtocolException;
import org.openrpiconnect.cli.local.LocalApiClient;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.SignInParams;
import org.openrpiconnect.protocol.local.SignInResult;
import org.openrpiconnect.protocol.local.StatusResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "signin", description = {"Link this device with your Connect account.",
        "Without --auth-key: prints a URL to visit on any device, then waits until the sign-in is complete."})
final class SigninCommand implements Callable<Integer> {
    @ParentCommand
    RpiConnectCommand app;

    @Option(names = "--auth-key", paramLabel = "KEY|@FILE",
            description = "Sign in with an auth key, or with the auth key in FILE (its full path after @).")
    String authKey;

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = app.context();
        String key = authKey == null ? null : AuthKeyArgument.resolve(authKey);
        SignInResult result = context.daemon().call(LocalMethod.SIGNIN, new SignInParams(key), SignInResult.class);
        if (SignInResult.SIGNED_IN.equals(result.state())) {
            printSignedIn(context, result.deviceName());
            return ExitCodes.OK;
        }
        if (SignInResult.PENDING.equals(result.state()) && result.verificationUrl() != null) {
            printVisit(context, result.verificationUrl());
            return awaitCompletion(context, result.verificationUrl());
        }
        throw new DaemonProtocolException("sign-in state '" + result.state() + "'");
    }

    /** Polls the status until the user completed the sign-in in the browser, or the daemon gave up on it. */
    private int awaitCompletion(CliContext context, String shownUrl) throws InterruptedException {
        LocalApiClient daemon = context.daemon();
        while (true) {
            Thread.sleep(context.pollInterval().toMillis());
            StatusResult status = daemon.call(LocalMethod.STATUS, null, StatusResult.class);
            if (status.signedIn()) {
                printSignedIn(context, status.deviceName());
                return ExitCodes.OK;
            }
            String pending = status.signinPendingUrl();
            if (pending == null) {
                throw new CommandFailedException(status.problem() != null && !status.problem().isBlank()
                        ? status.problem().strip()
                        : "Sign in did not complete; run rpi-connect signin to try again");
            }
            if (!pending.equals(shownUrl)) { // the daemon started a new request (the previous one expired)
                shownUrl = pending;
                printVisit(context, shownUrl);
            }
        }
    }

    private static void printVisit(CliContext context, String url) {
        context.out().println("Complete sign in by visiting " + url);
        context.out().flush();
    }

    private static void printSignedIn(CliContext context, String deviceName) {
        context.out().println(deviceName == null ? "Signed in successfully" : "Signed in successfully as " + deviceName);
    }
}
