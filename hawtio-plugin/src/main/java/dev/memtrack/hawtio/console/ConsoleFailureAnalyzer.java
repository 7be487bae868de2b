package dev.memtrack.hawtio.console;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a bad console option as two sentences (what is wrong, what to do) instead of a stack trace. */
public final class ConsoleFailureAnalyzer extends AbstractFailureAnalyzer<ConsoleConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConsoleConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
