package dev.memtrack.agent.policy.jmx;

import dev.memtrack.agent.policy.engine.EngineView;
import dev.memtrack.agent.policy.engine.Evaluator;
import dev.memtrack.agent.policy.record.DecisionRecorder;
import dev.memtrack.mbeans.PolicyMXBean;
import dev.memtrack.mbeans.PolicyMode;
import java.time.Duration;
import java.util.Map;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanNotificationInfo;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.openmbean.TabularData;

/**
 * The {@code memtrack:type=Policy} MBean. Attributes read the engine's last published view and the
 * recorder's kept decisions (no getter waits for an evaluation); operations go to the engine, which
 * refuses bad values with an {@link IllegalArgumentException} naming the value and what is accepted.
 * Notifications come from the decision recorder.
 */
public final class Policy implements PolicyMXBean, NotificationEmitter {

    private final Evaluator engine;
    private final DecisionRecorder recorder;
    private final Duration interval;

    public Policy(Evaluator engine, DecisionRecorder recorder, Duration interval) {
        this.engine = engine;
        this.recorder = recorder;
        this.interval = interval;
    }

    @Override
    public PolicyMode getMode() {
        return engine.mode();
    }

    @Override
    public void setMode(PolicyMode mode) {
        engine.setMode(mode);
    }

    @Override
    public long getEvaluationIntervalMillis() {
        return interval.toMillis();
    }

    @Override
    public TabularData getRules() {
        return RULE_TABLE.toTabularData(view().rules());
    }

    @Override
    public Map<String, Double> getThresholds() {
        return view().thresholds();
    }

    @Override
    public TabularData getRecentDecisions() {
        return DECISION_TABLE.toTabularData(recorder.recent());
    }

    @Override
    public TabularData getEffectiveness() {
        return EFFECTIVENESS_TABLE.toTabularData(view().effectiveness());
    }

    @Override
    public String[] getPins() {
        return view().pins().toArray(String[]::new);
    }

    @Override
    public void setThreshold(String rule, double value) {
        engine.setThreshold(rule, value);
    }

    @Override
    public void enableRule(String rule) {
        engine.setEnabled(rule, true);
    }

    @Override
    public void disableRule(String rule) {
        engine.setEnabled(rule, false);
    }

    @Override
    public void pin(String target) {
        engine.pin(target);
    }

    @Override
    public void unpin(String target) {
        engine.unpin(target);
    }

    @Override
    public int evaluateNow() {
        return engine.evaluate();
    }

    @Override
    public int undoAll() {
        return engine.undoAll();
    }

    private EngineView view() {
        return engine.view();
    }

    @Override
    public void addNotificationListener(NotificationListener listener, NotificationFilter filter, Object handback) {
        recorder.emitter().addNotificationListener(listener, filter, handback);
    }

    @Override
    public void removeNotificationListener(NotificationListener listener) throws ListenerNotFoundException {
        recorder.emitter().removeNotificationListener(listener);
    }

    @Override
    public void removeNotificationListener(NotificationListener listener, NotificationFilter filter, Object handback)
            throws ListenerNotFoundException {
        recorder.emitter().removeNotificationListener(listener, filter, handback);
    }

    @Override
    public MBeanNotificationInfo[] getNotificationInfo() {
        return DecisionRecorder.notificationInfo();
    }
}
