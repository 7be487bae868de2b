package dev.memtrack.agent.policy.engine;

import dev.memtrack.agent.policy.act.Change;

/**
 * A change in force, with the rule and decision that made it.
 *
 * @param decisionId the decision that made the change
 * @param rule       the rule that made it
 * @param change     what was changed and how to undo it
 */
record LedgerEntry(long decisionId, String rule, Change change) {
}
