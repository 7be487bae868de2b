import { Card, CardBody, CardTitle, FormSelect, FormSelectOption, Switch } from '@patternfly/react-core'
import React, { useEffect, useState } from 'react'
import { Workload } from '../contract'
import { formatBytesPerSecond, formatPercent } from '../lib/format'
import { toNumber } from '../lib/jolokia-values'
import { wholeNumberParser } from '../lib/number-input'
import { writeAttribute } from '../memtrack-service'
import { PollError } from './NotAvailable'
import { NumberSetter } from './NumberSetter'
import { OperationResult } from './OperationResult'
import { SortableTable } from './SortableTable'
import { useMBeanPoll } from './use-mbean-poll'
import { OperationState, useOperation } from './use-operation'

const READS = {
  workloads: {
    mbean: Workload.pattern,
    attributes: Object.values(Workload.attr),
  },
} as const

/** One program of the JVM the policy may govern, as its WorkloadMXBean reports it. */
type Program = {
  readonly mbean: string
  readonly name: string
  readonly purpose: string
  readonly priority: string
  readonly parallelism: number
  readonly maxParallelism: number
  readonly paused: boolean
  readonly tasksPerSecond: number
  readonly taskLatencyP99Millis: number
  readonly allocationRateBytesPerSecond: number
  readonly cpuPercent: number
}

/** A read of the pattern answers with the attributes of every matching MBean, keyed by its ObjectName. */
function programs(values: Readonly<Record<string, unknown>>): Program[] {
  return Object.entries(values).map(([mbean, raw]) => {
    const v = (raw ?? {}) as Record<string, unknown>
    const a = Workload.attr
    return {
      mbean,
      name: String(v[a.name] ?? mbean),
      purpose: String(v[a.purpose] ?? ''),
      priority: String(v[a.priority] ?? ''),
      parallelism: toNumber(v[a.parallelism]),
      maxParallelism: toNumber(v[a.maxParallelism]),
      paused: v[a.paused] === true,
      tasksPerSecond: toNumber(v[a.tasksPerSecond]),
      taskLatencyP99Millis: toNumber(v[a.taskLatencyP99Millis]),
      allocationRateBytesPerSecond: toNumber(v[a.allocationRateBytesPerSecond]),
      cpuPercent: toNumber(v[a.cpuPercent]),
    }
  })
}

/**
 * The programs whose share of resources memtrack governs, with manual overrides: priority, parallelism and
 * pause, written straight to each program's MBean (the policy, if any, sees the change like any other).
 */
export const Workloads: React.FunctionComponent = () => {
  const { data, error, refresh } = useMBeanPoll(READS)
  const operation = useOperation(refresh)
  const result = data?.workloads
  const rows = result?.kind === 'values' ? programs(result.values) : []
  return (
    <Card isCompact>
      <CardTitle>Programs (manual overrides)</CardTitle>
      <CardBody>
        <PollError error={error} result={result} />
        <OperationResult state={operation} />
        <SortableTable<Program>
          label='Workload programs'
          rows={rows}
          rowKey={p => p.mbean}
          initialSort={{ column: 'name', direction: 'asc' }}
          emptyText={result?.kind === 'missing' ? 'No program in this JVM registers a workload MBean.' : 'Reading the programs…'}
          columns={[
            { key: 'name', title: 'Program', render: p => <span title={p.purpose}>{p.name}</span> },
            { key: 'priority', title: 'Priority', render: p => <PrioritySelect program={p} operation={operation} /> },
            {
              key: 'parallelism',
              title: 'Parallelism',
              numeric: true,
              render: p => <ParallelismEditor program={p} operation={operation} />,
              // Pausing is the far end of limiting parallelism: the switch sits under the field.
              detail: p => <PauseSwitch program={p} operation={operation} />,
            },
            {
              key: 'tasksPerSecond',
              title: 'Tasks/s',
              numeric: true,
              render: p => (Number.isFinite(p.tasksPerSecond) ? p.tasksPerSecond.toFixed(1) : 'n/a'),
              detail: p => `p99 ${Number.isFinite(p.taskLatencyP99Millis) ? `${p.taskLatencyP99Millis.toFixed(1)} ms` : 'n/a'}`,
            },
            {
              key: 'allocationRateBytesPerSecond',
              title: 'Allocation',
              numeric: true,
              render: p => formatBytesPerSecond(p.allocationRateBytesPerSecond),
              detail: p => `CPU ${formatPercent(p.cpuPercent)}`,
            },
          ]}
        />
      </CardBody>
    </Card>
  )
}

type Control = { program: Program; operation: OperationState }

const PrioritySelect: React.FunctionComponent<Control> = ({ program, operation }) => (
  <FormSelect
    aria-label={`Priority of ${program.name}`}
    value={program.priority}
    className='memtrack-fit-content'
    style={{ minWidth: '9.5rem' }}
    isDisabled={operation.busy}
    onChange={(_e, priority) =>
      operation.run(async () => {
        await writeAttribute(program.mbean, Workload.attr.priority, priority, `Setting the priority of ${program.name}`)
        return `${program.name} now has priority ${priority}.`
      })
    }
  >
    {Workload.priorities.map(p => (
      <FormSelectOption key={p} value={p} label={p} />
    ))}
  </FormSelect>
)

const ParallelismEditor: React.FunctionComponent<Control> = ({ program, operation }) => {
  const max = Number.isFinite(program.maxParallelism) ? program.maxParallelism : 1
  return (
    <NumberSetter
      label={`Parallelism of ${program.name}`}
      parse={wholeNumberParser({ label: `Parallelism of ${program.name}`, min: 1, max })}
      current={`${program.parallelism} of ${max}`}
      operation={operation}
      apply={async value => {
        await writeAttribute(program.mbean, Workload.attr.parallelism, value, `Setting the parallelism of ${program.name}`)
        return `${program.name} now runs up to ${value} task(s) at once.`
      }}
      button='Set'
      buttonLabel={`Set parallelism of ${program.name}`}
      inTable
    />
  )
}

const PauseSwitch: React.FunctionComponent<Control> = ({ program, operation }) => {
  // The value just written is shown until a poll reports a new state, so the switch neither flips back for a
  // moment nor sends the same value again when clicked before that poll lands.
  const [written, setWritten] = useState<boolean | null>(null)
  useEffect(() => setWritten(null), [program.paused])
  return (
    <Switch
      id={`memtrack-pause-${program.name}`}
      aria-label={`${program.name} paused`}
      label='Paused'
      isChecked={written ?? program.paused}
      isDisabled={operation.busy}
      onChange={(_e, paused) =>
        operation.run(async () => {
          await writeAttribute(program.mbean, Workload.attr.paused, paused, `${paused ? 'Pausing' : 'Resuming'} ${program.name}`)
          setWritten(paused === program.paused ? null : paused)
          return `${program.name} is ${paused ? 'paused' : 'running'}.`
        })
      }
    />
  )
}
