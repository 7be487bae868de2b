import {
  Card,
  CardBody,
  CardTitle,
  Flex,
  FlexItem,
  Grid,
  GridItem,
  InputGroup,
  InputGroupItem,
  Label,
  LabelGroup,
  Switch,
  TextInput,
} from '@patternfly/react-core'
import React, { useMemo, useState } from 'react'
import { Policy as Contract } from '../contract'
import { formatClock, formatDuration } from '../lib/format'
import { numberMap, stringList, tableRows, toNumber } from '../lib/jolokia-values'
import { parseDecimal } from '../lib/number-input'
import { execute, writeAttribute } from '../memtrack-service'
import { EffectivenessRow, PolicyDecision, RuleRow } from '../types'
import { DecisionTimeline, outcomeLabelColors } from './charts/DecisionTimeline'
import { ModeToggle } from './ModeToggle'
import { PollError, unavailableState } from './NotAvailable'
import { NumberSetter } from './NumberSetter'
import { OperationButton } from './OperationButton'
import { OperationResult } from './OperationResult'
import { SortableTable } from './SortableTable'
import { useMBeanPoll, valuesOf } from './use-mbean-poll'
import { OperationState, useOperation } from './use-operation'
import { Workloads } from './Workloads'
import { WrappingName } from './WrappingName'

const READS = {
  policy: {
    mbean: Contract.objectName,
    attributes: [
      Contract.attr.mode,
      Contract.attr.evaluationIntervalMillis,
      Contract.attr.rules,
      Contract.attr.thresholds,
      Contract.attr.recentDecisions,
      Contract.attr.effectiveness,
      Contract.attr.pins,
    ],
  },
} as const

const number = (v: number, digits = 2) => (Number.isFinite(v) ? String(Number(v.toFixed(digits))) : 'n/a')

/** The adaptive allocation policy: mode, rules and thresholds, pins, decisions and what they achieved. */
export const Policy: React.FunctionComponent = () => {
  const { data, error, refresh } = useMBeanPoll(READS)
  const operation = useOperation(refresh)
  const unavailable = unavailableState(data?.policy, error, {
    what: 'The adaptive allocation policy',
    why: 'The memtrack agent in this JVM runs no policy engine',
    mbean: Contract.objectName,
  })
  if (unavailable || !data) {
    // Programs can be steered by hand even where no policy engine runs.
    return (
      <Grid hasGutter>
        <GridItem span={12}>{unavailable}</GridItem>
        {data && (
          <GridItem span={12}>
            <Workloads />
          </GridItem>
        )}
      </Grid>
    )
  }
  const values = valuesOf(data.policy)
  const rules = tableRows<RuleRow>(values[Contract.attr.rules]).map(r => ({
    ...r,
    threshold: toNumber(r.threshold),
    releaseThreshold: toNumber(r.releaseThreshold),
    lastValue: toNumber(r.lastValue),
  }))
  const thresholds = numberMap(values[Contract.attr.thresholds])
  const decisions = tableRows<PolicyDecision>(values[Contract.attr.recentDecisions])
    .map(d => ({ ...d, effect: toNumber(d.effect), value: toNumber(d.value), threshold: toNumber(d.threshold) }))
    .sort((a, b) => b.id - a.id)
  const effectiveness = tableRows<EffectivenessRow>(values[Contract.attr.effectiveness])
  const pins = stringList(values[Contract.attr.pins])

  return (
    <Grid hasGutter>
      <GridItem span={12}>
        <PollError error={error} result={data.policy} />
      </GridItem>
      <GridItem span={12}>
        <ModeCard
          mode={String(values[Contract.attr.mode] ?? '')}
          intervalMillis={toNumber(values[Contract.attr.evaluationIntervalMillis])}
          operation={operation}
        />
      </GridItem>
      <GridItem span={12}>
        <Card isCompact>
          <CardTitle>Rules</CardTitle>
          <CardBody>
            <SortableTable<RuleRow>
              label='Policy rules'
              rows={rules}
              rowKey={r => r.name}
              initialSort={{ column: 'name', direction: 'asc' }}
              emptyText='The policy has no rules.'
              columns={[
                { key: 'name', title: 'Rule', longNames: true, detail: r => <WrappingName name={r.metric} /> },
                { key: 'enabled', title: 'On', render: r => <RuleSwitch rule={r} operation={operation} /> },
                {
                  key: 'threshold',
                  title: 'Threshold',
                  numeric: true,
                  render: r => <ThresholdEditor rule={r.name} current={thresholds[r.name] ?? r.threshold} operation={operation} />,
                  detail: r => `release below ${number(r.releaseThreshold)}`,
                },
                {
                  key: 'holdMillis',
                  title: 'Hold',
                  numeric: true,
                  render: r => formatDuration(r.holdMillis),
                  detail: r => `cooldown ${formatDuration(r.cooldownMillis)}`,
                },
                { key: 'actions', title: 'Actions', render: r => <ActionList actions={r.actions} /> },
                { key: 'state', title: 'State', detail: r => `last value ${number(r.lastValue)}` },
              ]}
            />
          </CardBody>
        </Card>
      </GridItem>
      <GridItem span={12}>
        <PinsCard pins={pins} operation={operation} />
      </GridItem>
      <GridItem span={12}>
        <Workloads />
      </GridItem>
      <GridItem span={12}>
        <Card isCompact>
          <CardTitle>Decisions</CardTitle>
          <CardBody>
            <DecisionTimeline decisions={decisions} />
            <SortableTable<PolicyDecision>
              label='Recent decisions'
              rows={decisions}
              rowKey={d => String(d.id)}
              initialSort={{ column: 'timeMillis', direction: 'desc' }}
              emptyText='No decisions yet.'
              columns={[
                { key: 'timeMillis', title: 'Time', numeric: true, render: d => formatClock(d.timeMillis), detail: d => `#${d.id}` },
                { key: 'rule', title: 'Rule', longNames: true, detail: d => <MetricReading decision={d} /> },
                { key: 'action', title: 'Action', render: d => `${d.action} on ${d.target}` },
                { key: 'after', title: 'Change', render: d => (d.before === d.after ? d.before || '—' : `${d.before} → ${d.after}`) },
                { key: 'outcome', title: 'Outcome', render: d => <OutcomeLabel outcome={d.outcome} />, detail: effectText },
                { key: 'message', title: 'Why' },
              ]}
            />
          </CardBody>
        </Card>
      </GridItem>
      <GridItem span={12}>
        <Card isCompact>
          <CardTitle>What worked</CardTitle>
          <CardBody>
            <SortableTable<EffectivenessRow>
              label='Effectiveness of actions'
              rows={effectiveness}
              rowKey={e => `${e.rule}|${e.action}|${e.target}`}
              initialSort={{ column: 'score', direction: 'desc' }}
              emptyText='Nothing measured yet.'
              columns={[
                { key: 'rule', title: 'Rule' },
                { key: 'action', title: 'Action' },
                { key: 'target', title: 'Target' },
                { key: 'attempts', title: 'Attempts', numeric: true },
                { key: 'successes', title: 'Relieved', numeric: true },
                { key: 'score', title: 'Score', numeric: true, render: e => number(e.score) },
              ]}
            />
          </CardBody>
        </Card>
      </GridItem>
    </Grid>
  )
}

/** The measured effect; only an action still being measured is pending (advised or failed ones never will be). */
function effectText(d: PolicyDecision): string | null {
  if (Number.isFinite(d.effect)) {
    return `effect ${number(d.effect)}`
  }
  return d.outcome === 'PENDING' ? 'effect pending' : null
}

/** The metric a decision read, its value then and the rule's threshold. */
const MetricReading: React.FunctionComponent<{ decision: PolicyDecision }> = ({ decision: d }) => (
  <span title={`${d.metric}: value ${number(d.value)}, threshold ${number(d.threshold)}`}>
    <WrappingName name={d.metric} /> <span className='memtrack-nowrap'>{`${number(d.value)} / ${number(d.threshold)}`}</span>
  </span>
)

/** A rule's actions in the order it tries them, one a line; a long one wraps before its argument in parentheses. */
const ActionList: React.FunctionComponent<{ actions: string }> = ({ actions }) => (
  <React.Fragment>
    {actions.split(',').map((action, index) => (
      <div key={index}>
        <WrappingName name={action} />
      </div>
    ))}
  </React.Fragment>
)

const OutcomeLabel: React.FunctionComponent<{ outcome: string }> = ({ outcome }) => (
  <Label color={outcomeLabelColors[outcome] ?? 'grey'}>{outcome}</Label>
)

const ModeCard: React.FunctionComponent<{ mode: string; intervalMillis: number; operation: OperationState }> = ({
  mode,
  intervalMillis,
  operation,
}) => {
  const setMode = (next: string) =>
    operation.run(async () => {
      await writeAttribute(Contract.objectName, Contract.attr.mode, next, `Switching the policy to ${next}`)
      return `Policy mode is now ${next}.`
    })
  const evaluate = async () => {
    const made = await execute(Contract.objectName, Contract.ops.evaluateNow, [], 'Evaluating the rules')
    return `Rules evaluated: ${made} decision(s) made.`
  }
  const undo = async () => {
    const undone = await execute(Contract.objectName, Contract.ops.undoAll, [], 'Undoing the policy’s changes')
    return `${undone} change(s) undone.`
  }
  return (
    <Card isCompact>
      <CardTitle>Mode (rules evaluated every {formatDuration(intervalMillis)})</CardTitle>
      <CardBody>
        <Flex alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem>
            <ModeToggle
              label='Policy mode'
              modes={Contract.modes}
              selected={mode}
              idPrefix='memtrack-policy-'
              isDisabled={operation.busy}
              onSelect={setMode}
            />
          </FlexItem>
          <FlexItem>
            <OperationButton operation={operation} action={evaluate}>
              Evaluate now
            </OperationButton>
          </FlexItem>
          <FlexItem>
            <OperationButton operation={operation} action={undo} isDanger>
              Undo all changes
            </OperationButton>
          </FlexItem>
          <FlexItem grow={{ default: 'grow' }}>
            <OperationResult state={operation} />
          </FlexItem>
        </Flex>
        <p className='memtrack-muted'>
          OFF evaluates nothing; ADVISORY decides and records only; ENFORCE acts on the targets and measures the effect.
        </p>
      </CardBody>
    </Card>
  )
}

const RuleSwitch: React.FunctionComponent<{ rule: RuleRow; operation: OperationState }> = ({ rule, operation }) => (
  <Switch
    id={`memtrack-rule-${rule.name}`}
    aria-label={`Rule ${rule.name} enabled`}
    isChecked={rule.enabled}
    isDisabled={operation.busy}
    onChange={(_e, on) =>
      operation.run(async () => {
        await execute(
          Contract.objectName,
          on ? Contract.ops.enableRule : Contract.ops.disableRule,
          [rule.name],
          `${on ? 'Turning on' : 'Turning off'} rule ${rule.name}`,
        )
        return `Rule ${rule.name} is ${on ? 'on' : 'off'}.`
      })
    }
  />
)

const ThresholdEditor: React.FunctionComponent<{ rule: string; current: number; operation: OperationState }> = ({
  rule,
  current,
  operation,
}) => (
  <NumberSetter
    label={`Threshold of ${rule}`}
    parse={text => parseDecimal(text, `Threshold of ${rule}`)}
    current={number(current)}
    operation={operation}
    apply={async value => {
      await execute(Contract.objectName, Contract.ops.setThreshold, [rule, value], `Setting the threshold of ${rule}`)
      return `Threshold of ${rule} set to ${value}.`
    }}
    button='Set'
    buttonLabel={`Set threshold of ${rule}`}
    inTable
  />
)

const PinsCard: React.FunctionComponent<{ pins: readonly string[]; operation: OperationState }> = ({ pins, operation }) => {
  const [target, setTarget] = useState('')
  const sorted = useMemo(() => [...pins].sort(), [pins])
  const toPin = target.trim()
  const pin = toPin
    ? async () => {
        await execute(Contract.objectName, Contract.ops.pin, [toPin], `Pinning ${toPin}`)
        setTarget('')
        return `${toPin} is pinned: the policy leaves it alone.`
      }
    : null
  const unpin = (t: string) =>
    operation.run(async () => {
      await execute(Contract.objectName, Contract.ops.unpin, [t], `Unpinning ${t}`)
      return `${t} is no longer pinned.`
    })
  return (
    <Card isCompact>
      <CardTitle>Pinned targets (the policy leaves them alone)</CardTitle>
      <CardBody>
        <Flex alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem>
            <LabelGroup numLabels={20} categoryName='Pins' aria-label='Pinned targets'>
              {sorted.length === 0 ? (
                <Label variant='outline'>none</Label>
              ) : (
                sorted.map(p => (
                  <Label key={p} onClose={() => unpin(p)} closeBtnAriaLabel={`Unpin ${p}`}>
                    {p}
                  </Label>
                ))
              )}
            </LabelGroup>
          </FlexItem>
          <FlexItem>
            <InputGroup>
              <InputGroupItem>
                <TextInput
                  aria-label='Target to pin'
                  placeholder='workload:batch-job or process:1234'
                  value={target}
                  onChange={(_e, v) => setTarget(v)}
                  style={{ width: '18rem' }}
                />
              </InputGroupItem>
              <InputGroupItem>
                <OperationButton operation={operation} action={pin}>
                  Pin
                </OperationButton>
              </InputGroupItem>
            </InputGroup>
          </FlexItem>
        </Flex>
      </CardBody>
    </Card>
  )
}
