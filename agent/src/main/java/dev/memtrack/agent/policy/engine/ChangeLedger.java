package dev.memtrack.agent.policy.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every change the engine made and has not undone, oldest first. Changes to the same setting of the
 * same target form a chain that is only ever undone from its newest end, so each undo restores the
 * value the previous change saw.
 *
 * <p>Not thread-safe: owned by the engine under its lock.
 */
final class ChangeLedger {

    private final List<LedgerEntry> entries = new ArrayList<>();

    void add(LedgerEntry entry) {
        entries.add(entry);
    }

    void remove(LedgerEntry entry) {
        entries.remove(entry);
    }

    boolean contains(LedgerEntry entry) {
        return entries.contains(entry);
    }

    int size() {
        return entries.size();
    }

    /** Newest first. */
    List<LedgerEntry> newestFirst() {
        List<LedgerEntry> copy = new ArrayList<>(entries);
        Collections.reverse(copy);
        return copy;
    }

    long countFor(String rule) {
        return entries.stream().filter(e -> e.rule().equals(rule)).count();
    }

    /**
     * The rule's newest change that the engine may undo on its own now: restorable automatically,
     * not on a protected (pinned) target, and the newest change of its setting.
     *
     * @return the entry, or {@code null}
     */
    LedgerEntry nextAutoRestore(String rule, Predicate<LedgerEntry> isProtected) {
        for (LedgerEntry e : newestFirst()) {
            if (e.rule().equals(rule) && e.change().autoRestore() && !isProtected.test(e) && isNewestOnSetting(e)) {
                return e;
            }
        }
        return null;
    }

    /** Whether no later change to the same setting is in force. */
    boolean isNewestOnSetting(LedgerEntry entry) {
        String key = entry.change().settingKey();
        for (int i = entries.size() - 1; i >= 0; i--) {
            LedgerEntry e = entries.get(i);
            if (e.change().settingKey().equals(key)) {
                return e == entry;
            }
        }
        return false;
    }

    List<LedgerEntry> all() {
        return new ArrayList<>(entries);
    }
}
