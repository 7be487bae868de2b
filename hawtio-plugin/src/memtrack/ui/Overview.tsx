import { Card, CardBody, CardTitle, Grid, GridItem, Label } from '@patternfly/react-core'
import React, { useCallback, useState } from 'react'
import { Agent, Heap, System } from '../contract'
import { formatBytes, formatBytesPerSecond, formatClock, formatDuration, formatPercent } from '../lib/format'
import { tableRows, toNumber } from '../lib/jolokia-values'
import { SeriesSet, appendAll, emptySet } from '../lib/rolling-series'
import { MBeanValues } from '../memtrack-service'
import { SubsystemStatus } from '../types'
import { DonutChart } from './charts/DonutChart'
import { Facts } from './Facts'
import { LineChart } from './charts/LineChart'
import { PollError } from './NotAvailable'
import { colors } from './palette'
import { SortableTable } from './SortableTable'
import { useMBeanPoll, valuesOf } from './use-mbean-poll'

const READS = {
  heap: {
    mbean: Heap.objectName,
    attributes: [
      Heap.attr.heapUsedBytes,
      Heap.attr.heapCommittedBytes,
      Heap.attr.heapMaxBytes,
      Heap.attr.allocationRateBytesPerSecond,
      Heap.attr.gcTimePercent,
    ],
  },
  system: {
    mbean: System.objectName,
    attributes: [System.attr.cpuLoadPercent, System.attr.memoryTotalBytes, System.attr.memoryUsedBytes, System.attr.memoryAvailableBytes],
  },
  agent: {
    mbean: Agent.objectName,
    attributes: [Agent.attr.version, Agent.attr.javaVersion, Agent.attr.startMode, Agent.attr.uptimeMillis, Agent.attr.subsystems],
  },
} as const

const SERIES = ['heapUsed', 'heapCommitted', 'heapMax', 'allocationRate', 'cpu', 'memoryUsed', 'memoryTotal'] as const
type SeriesKey = (typeof SERIES)[number]

const stateColors: Readonly<Record<string, 'green' | 'blue' | 'orange' | 'grey'>> = {
  RUNNING: 'green',
  STARTING: 'blue',
  DISABLED: 'orange',
  STOPPED: 'grey',
}

/** Live heap, allocation rate, CPU and system memory over five minutes, memory pies and the agent's state. */
export const Overview: React.FunctionComponent = () => {
  const [series, setSeries] = useState<SeriesSet<SeriesKey>>(() => emptySet(SERIES))
  const onPoll = useCallback((data: Readonly<Record<keyof typeof READS, MBeanValues>>, at: number) => {
    const heap = valuesOf(data.heap)
    const system = valuesOf(data.system)
    const known = (v: unknown) => {
      const n = toNumber(v)
      return n >= 0 ? n : undefined
    }
    setSeries(current =>
      appendAll(current, at, {
        heapUsed: known(heap[Heap.attr.heapUsedBytes]),
        heapCommitted: known(heap[Heap.attr.heapCommittedBytes]),
        heapMax: known(heap[Heap.attr.heapMaxBytes]),
        allocationRate: known(heap[Heap.attr.allocationRateBytesPerSecond]),
        cpu: known(system[System.attr.cpuLoadPercent]),
        memoryUsed: known(system[System.attr.memoryUsedBytes]),
        memoryTotal: known(system[System.attr.memoryTotalBytes]),
      }),
    )
  }, [])
  const { data, error } = useMBeanPoll(READS, onPoll)
  const heap = valuesOf(data?.heap)
  const system = valuesOf(data?.system)
  const agent = valuesOf(data?.agent)

  const heapUsed = toNumber(heap[Heap.attr.heapUsedBytes])
  const heapMax = toNumber(heap[Heap.attr.heapMaxBytes])
  const heapLimit = heapMax > 0 ? heapMax : toNumber(heap[Heap.attr.heapCommittedBytes])
  const memoryUsed = toNumber(system[System.attr.memoryUsedBytes])
  const memoryAvailable = toNumber(system[System.attr.memoryAvailableBytes])
  const subsystems = tableRows<SubsystemStatus>(agent[Agent.attr.subsystems])

  return (
    <Grid hasGutter>
      <GridItem span={12}>
        <PollError error={error} />
      </GridItem>
      <GridItem lg={6} span={12}>
        <Card isCompact>
          <CardTitle>Heap</CardTitle>
          <CardBody>
            <LineChart
              title='Heap'
              format={formatBytes}
              binary
              series={[
                { label: 'used', color: colors.blue, data: series.heapUsed },
                { label: 'committed', color: colors.cyan, data: series.heapCommitted },
                { label: 'max', color: colors.grey, data: series.heapMax, dashed: true },
              ]}
            />
          </CardBody>
        </Card>
      </GridItem>
      <GridItem lg={6} span={12}>
        <Card isCompact>
          <CardTitle>Allocation rate (all threads)</CardTitle>
          <CardBody>
            <LineChart
              title='Allocation rate'
              format={formatBytesPerSecond}
              binary
              series={[{ label: 'allocated', color: colors.orange, data: series.allocationRate }]}
            />
          </CardBody>
        </Card>
      </GridItem>
      <GridItem lg={6} span={12}>
        <Card isCompact>
          <CardTitle>CPU (whole machine)</CardTitle>
          <CardBody>
            <LineChart
              title='CPU'
              format={v => formatPercent(v, 0)}
              ceiling={100}
              series={[{ label: 'cpu', color: colors.purple, data: series.cpu }]}
            />
          </CardBody>
        </Card>
      </GridItem>
      <GridItem lg={6} span={12}>
        <Card isCompact>
          <CardTitle>System memory</CardTitle>
          <CardBody>
            <LineChart
              title='System memory'
              format={formatBytes}
              binary
              series={[
                { label: 'in use', color: colors.green, data: series.memoryUsed },
                { label: 'installed', color: colors.grey, data: series.memoryTotal, dashed: true },
              ]}
            />
          </CardBody>
        </Card>
      </GridItem>
      <GridItem lg={5} span={12}>
        <Card isCompact isFullHeight>
          <CardTitle>Memory used and free</CardTitle>
          <CardBody className='memtrack-donuts'>
            <DonutChart
              title='Heap'
              format={formatBytes}
              center={heapLimit > 0 ? formatPercent((heapUsed / heapLimit) * 100, 0) : 'n/a'}
              parts={[
                { label: 'used', value: heapUsed, color: colors.blue },
                { label: heapMax > 0 ? 'free of max' : 'free of committed', value: heapLimit - heapUsed, color: colors.lightGrey },
              ]}
            />
            <DonutChart
              title='System memory'
              format={formatBytes}
              center={memoryUsed + memoryAvailable > 0 ? formatPercent((memoryUsed / (memoryUsed + memoryAvailable)) * 100, 0) : 'n/a'}
              parts={[
                { label: 'in use', value: memoryUsed, color: colors.green },
                { label: 'available', value: memoryAvailable, color: colors.lightGrey },
              ]}
            />
          </CardBody>
        </Card>
      </GridItem>
      <GridItem lg={7} span={12}>
        <Card isCompact isFullHeight>
          <CardTitle>Agent</CardTitle>
          <CardBody>
            <Facts
              testId='agent-status'
              horizontal
              columns='2Col'
              facts={[
                ['Version', String(agent[Agent.attr.version] ?? 'n/a')],
                ['Uptime', formatDuration(toNumber(agent[Agent.attr.uptimeMillis]))],
                ['Java', String(agent[Agent.attr.javaVersion] ?? 'n/a')],
                ['Started by', String(agent[Agent.attr.startMode] ?? 'n/a')],
              ]}
            />
            <SortableTable<SubsystemStatus>
              label='Agent subsystems'
              rows={subsystems}
              rowKey={s => s.name}
              initialSort={{ column: 'name', direction: 'asc' }}
              emptyText='The agent reports no subsystems yet.'
              columns={[
                { key: 'name', title: 'Subsystem' },
                { key: 'state', title: 'State', render: s => <Label color={stateColors[s.state] ?? 'grey'}>{s.state}</Label> },
                { key: 'reason', title: 'Reason', render: s => s.reason || '—' },
                { key: 'sinceMillis', title: 'Since', numeric: true, render: s => formatClock(s.sinceMillis) },
              ]}
            />
          </CardBody>
        </Card>
      </GridItem>
    </Grid>
  )
}
