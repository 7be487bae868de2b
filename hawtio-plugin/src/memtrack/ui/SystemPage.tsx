import { Card, CardBody, CardTitle, Flex, FlexItem, Grid, GridItem } from '@patternfly/react-core'
import React, { useCallback, useMemo, useState } from 'react'
import { Processes, System } from '../contract'
import { formatBytes, formatBytesPerSecond, formatCount, formatDuration, formatPercent } from '../lib/format'
import { tableRows, toNumber } from '../lib/jolokia-values'
import { wholeNumberParser } from '../lib/number-input'
import { SeriesSet, appendAll, emptySet } from '../lib/rolling-series'
import { MBeanValues, writeAttribute } from '../memtrack-service'
import { CoreLoad, DiskRate, LoadAverage, NetworkRate, ProcessRow } from '../types'
import { BarList } from './charts/BarList'
import { LineChart, LineSeries } from './charts/LineChart'
import { Facts } from './Facts'
import { ModeToggle } from './ModeToggle'
import { PollError } from './NotAvailable'
import { NumberSetter } from './NumberSetter'
import { OperationResult } from './OperationResult'
import { colors } from './palette'
import { Column, SortableTable } from './SortableTable'
import { useMBeanPoll, valuesOf } from './use-mbean-poll'
import { useOperation } from './use-operation'

const READS = {
  system: {
    mbean: System.objectName,
    attributes: [
      System.attr.cpuLoadPercent,
      System.attr.cpuLoadPerCore,
      System.attr.loadAverage,
      System.attr.memoryTotalBytes,
      System.attr.memoryUsedBytes,
      System.attr.swapTotalBytes,
      System.attr.swapUsedBytes,
      System.attr.disks,
      System.attr.networkInterfaces,
      System.attr.uptimeSeconds,
      System.attr.processCount,
      System.attr.threadCount,
    ],
  },
  processes: {
    mbean: Processes.objectName,
    attributes: [Processes.attr.topN, Processes.attr.topByCpu, Processes.attr.topByResidentMemory],
  },
} as const

const SERIES = ['diskRead', 'diskWrite', 'netReceived', 'netTransmitted'] as const
type SeriesKey = (typeof SERIES)[number]

const PROCESS_ORDERS = ['cpu', 'memory'] as const

const parseTopN = wholeNumberParser({ label: 'Top N', min: 1, max: Processes.maxTopN })

const sum = (values: number[]) => values.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0)

/** Per-core CPU, disk and network rates, and the busiest processes of the machine. */
export const SystemPage: React.FunctionComponent = () => {
  const [series, setSeries] = useState<SeriesSet<SeriesKey>>(() => emptySet(SERIES))
  const onPoll = useCallback((data: Readonly<Record<keyof typeof READS, MBeanValues>>, at: number) => {
    const system = valuesOf(data.system)
    const disks = tableRows<DiskRate>(system[System.attr.disks])
    const nics = tableRows<NetworkRate>(system[System.attr.networkInterfaces])
    setSeries(current =>
      appendAll(current, at, {
        diskRead: sum(disks.map(d => d.readBytesPerSecond)),
        diskWrite: sum(disks.map(d => d.writeBytesPerSecond)),
        netReceived: sum(nics.map(n => n.receivedBytesPerSecond)),
        netTransmitted: sum(nics.map(n => n.transmittedBytesPerSecond)),
      }),
    )
  }, [])
  const { data, error, refresh } = useMBeanPoll(READS, onPoll)
  const system = valuesOf(data?.system)
  const cores = useMemo(() => tableRows<CoreLoad>(system[System.attr.cpuLoadPerCore]).sort((a, b) => a.core - b.core), [system])
  const disks = useMemo(() => tableRows<DiskRate>(system[System.attr.disks]), [system])
  const nics = useMemo(() => tableRows<NetworkRate>(system[System.attr.networkInterfaces]), [system])
  const load = (system[System.attr.loadAverage] ?? {}) as Partial<LoadAverage>
  const loadText = [load.oneMinute, load.fiveMinutes, load.fifteenMinutes]
    .map(v => (toNumber(v) >= 0 ? toNumber(v).toFixed(2) : 'n/a'))
    .join(' / ')

  return (
    <Grid hasGutter>
      <GridItem span={12}>
        <PollError error={error} />
      </GridItem>
      <GridItem lg={6} span={12}>
        <Card isCompact isFullHeight>
          <CardTitle>CPU per core (machine total {formatPercent(toNumber(system[System.attr.cpuLoadPercent]), 0)})</CardTitle>
          <CardBody>
            <BarList
              title='CPU load per logical processor'
              max={100}
              format={v => formatPercent(v, 0)}
              bars={cores.map(c => ({ label: `cpu${c.core}`, value: c.loadPercent, color: colors.purple }))}
            />
          </CardBody>
        </Card>
      </GridItem>
      <GridItem lg={6} span={12}>
        <Card isCompact isFullHeight>
          <CardTitle>Machine</CardTitle>
          <CardBody>
            <Facts
              horizontal
              facts={[
                ['Load average 1 / 5 / 15 min', loadText],
                [
                  'Memory in use',
                  `${formatBytes(toNumber(system[System.attr.memoryUsedBytes]))} of ${formatBytes(toNumber(system[System.attr.memoryTotalBytes]))}`,
                ],
                [
                  'Swap in use',
                  `${formatBytes(toNumber(system[System.attr.swapUsedBytes]))} of ${formatBytes(toNumber(system[System.attr.swapTotalBytes]))}`,
                ],
                [
                  'Processes / threads',
                  `${formatCount(toNumber(system[System.attr.processCount]))} / ${formatCount(toNumber(system[System.attr.threadCount]))}`,
                ],
                ['Up for', formatDuration(toNumber(system[System.attr.uptimeSeconds]) * 1000)],
              ]}
            />
          </CardBody>
        </Card>
      </GridItem>
      <GridItem span={12}>
        <RatesCard<DiskRate>
          title='Disks'
          series={[
            { label: 'read', color: colors.blue, data: series.diskRead },
            { label: 'written', color: colors.orange, data: series.diskWrite },
          ]}
          rows={disks}
          emptyText='The agent reports no disks.'
          columns={[
            { key: 'name', title: 'Disk' },
            { key: 'readBytesPerSecond', title: 'Read', numeric: true, render: d => formatBytesPerSecond(d.readBytesPerSecond) },
            { key: 'writeBytesPerSecond', title: 'Written', numeric: true, render: d => formatBytesPerSecond(d.writeBytesPerSecond) },
            { key: 'readsPerSecond', title: 'Reads/s', numeric: true, render: d => d.readsPerSecond.toFixed(1) },
            { key: 'writesPerSecond', title: 'Writes/s', numeric: true, render: d => d.writesPerSecond.toFixed(1) },
          ]}
        />
      </GridItem>
      <GridItem span={12}>
        <RatesCard<NetworkRate>
          title='Network'
          series={[
            { label: 'received', color: colors.green, data: series.netReceived },
            { label: 'sent', color: colors.purple, data: series.netTransmitted },
          ]}
          rows={nics}
          emptyText='The agent reports no network interfaces.'
          columns={[
            { key: 'name', title: 'Interface' },
            {
              key: 'receivedBytesPerSecond',
              title: 'Received',
              numeric: true,
              render: n => formatBytesPerSecond(n.receivedBytesPerSecond),
            },
            {
              key: 'transmittedBytesPerSecond',
              title: 'Sent',
              numeric: true,
              render: n => formatBytesPerSecond(n.transmittedBytesPerSecond),
            },
            { key: 'receivedPacketsPerSecond', title: 'Packets in/s', numeric: true, render: n => n.receivedPacketsPerSecond.toFixed(1) },
            {
              key: 'transmittedPacketsPerSecond',
              title: 'Packets out/s',
              numeric: true,
              render: n => n.transmittedPacketsPerSecond.toFixed(1),
            },
          ]}
        />
      </GridItem>
      <GridItem span={12}>
        <ProcessTable values={valuesOf(data?.processes)} onChanged={refresh} />
      </GridItem>
    </Grid>
  )
}

type RatesProps<T extends { name: string }> = {
  readonly title: string
  readonly series: readonly LineSeries[]
  readonly rows: readonly T[]
  readonly columns: readonly Column<T>[]
  readonly emptyText: string
}

/** Devices of one kind (disks, network interfaces): their summed rates over time and each one's rates now. */
function RatesCard<T extends { name: string }>({ title, series, rows, columns, emptyText }: RatesProps<T>): React.ReactElement {
  return (
    <Card isCompact>
      <CardTitle>{title}</CardTitle>
      <CardBody>
        <LineChart title={`${title} rates`} format={formatBytesPerSecond} binary height={150} series={series} />
        <SortableTable<T>
          label={`${title} rates`}
          rows={rows}
          rowKey={r => r.name}
          initialSort={{ column: 'name', direction: 'asc' }}
          emptyText={emptyText}
          columns={columns}
        />
      </CardBody>
    </Card>
  )
}

const ProcessTable: React.FunctionComponent<{ values: Readonly<Record<string, unknown>>; onChanged: () => void }> = ({
  values,
  onChanged,
}) => {
  const [by, setBy] = useState<(typeof PROCESS_ORDERS)[number]>('cpu')
  const operation = useOperation(onChanged)
  const topN = toNumber(values[Processes.attr.topN])
  const rows = useMemo(
    () => tableRows<ProcessRow>(values[by === 'cpu' ? Processes.attr.topByCpu : Processes.attr.topByResidentMemory]),
    [values, by],
  )
  const applyTopN = async (n: number) => {
    await writeAttribute(Processes.objectName, Processes.attr.topN, n, 'Changing how many processes are listed')
    return `The tables now hold the top ${n} processes.`
  }
  return (
    <Card isCompact>
      <CardTitle>Processes (top {Number.isFinite(topN) ? topN : 'n/a'})</CardTitle>
      <CardBody>
        <Flex alignItems={{ default: 'alignItemsFlexStart' }}>
          <FlexItem>
            <ModeToggle
              label='Order processes by'
              modes={PROCESS_ORDERS}
              selected={by}
              idPrefix='memtrack-processes-'
              text={order => (order === 'cpu' ? 'By CPU' : 'By memory')}
              onSelect={setBy}
            />
          </FlexItem>
          <FlexItem>
            <NumberSetter
              label='Number of processes to list'
              parse={parseTopN}
              current={Number.isFinite(topN) ? String(topN) : '10'}
              operation={operation}
              apply={applyTopN}
              button='Set top N'
            />
          </FlexItem>
          <FlexItem grow={{ default: 'grow' }}>
            <OperationResult state={operation} />
          </FlexItem>
        </Flex>
        <SortableTable<ProcessRow>
          key={by}
          label={by === 'cpu' ? 'Top processes by CPU' : 'Top processes by resident memory'}
          rows={rows}
          rowKey={p => `${p.pid}`}
          initialSort={{ column: 'rank', direction: 'asc' }}
          emptyText='The agent reports no processes yet.'
          columns={[
            { key: 'rank', title: '#', numeric: true },
            { key: 'pid', title: 'PID', numeric: true },
            { key: 'name', title: 'Name' },
            { key: 'user', title: 'User' },
            { key: 'state', title: 'State' },
            { key: 'cpuPercent', title: 'CPU', numeric: true, render: p => formatPercent(p.cpuPercent) },
            { key: 'residentBytes', title: 'Resident', numeric: true, render: p => formatBytes(p.residentBytes) },
            { key: 'virtualBytes', title: 'Virtual', numeric: true, render: p => formatBytes(p.virtualBytes) },
            { key: 'threads', title: 'Threads', numeric: true },
          ]}
        />
      </CardBody>
    </Card>
  )
}
