import {
  Button,
  Card,
  CardBody,
  CardTitle,
  Flex,
  FlexItem,
  Form,
  FormGroup,
  FormHelperText,
  GridItem,
  HelperText,
  HelperTextItem,
  Label,
  Tab,
  Tabs,
  Title,
} from '@patternfly/react-core'
import React, { useCallback, useEffect, useMemo, useState } from 'react'
import { Allocations as Contract } from '../contract'
import { ParsedStacks, parseFoldedStacks } from '../lib/folded-stacks'
import { formatBytes, formatBytesPerSecond, formatClock, formatCount } from '../lib/format'
import { tableRows, toNumber } from '../lib/jolokia-values'
import { wholeNumberParser } from '../lib/number-input'
import { execute, writeAttribute } from '../memtrack-service'
import { SiteRow, SizePercentiles, ThreadRow, TypeRow } from '../types'
import { FlameGraph } from './charts/FlameGraph'
import { Facts } from './Facts'
import { MBeanPage } from './MBeanPage'
import { ModeToggle } from './ModeToggle'
import { NumberSetter } from './NumberSetter'
import { OperationButton } from './OperationButton'
import { OperationResult } from './OperationResult'
import { Column, SortableTable } from './SortableTable'
import { useMBeanPoll, valuesOf } from './use-mbean-poll'
import { useOperation } from './use-operation'

const READS = {
  allocations: {
    mbean: Contract.objectName,
    attributes: [
      Contract.attr.mode,
      Contract.attr.samplingIntervalBytes,
      Contract.attr.sinceMillis,
      Contract.attr.totalAllocatedBytes,
      Contract.attr.allocationRateBytesPerSecond,
      Contract.attr.trackedAllocatedBytes,
      Contract.attr.trackedAllocationCount,
      Contract.attr.unattributedBytes,
      Contract.attr.estimated,
      Contract.attr.topSites,
      Contract.attr.topTypes,
      Contract.attr.topThreads,
      Contract.attr.sizePercentiles,
    ],
  },
} as const

/** How many lines of folded stacks the flame graph asks for. */
const FLAME_LINES = 2000

const parseInterval = wholeNumberParser({
  label: 'Sampling interval',
  min: Contract.minSamplingIntervalBytes,
  max: Contract.maxSamplingIntervalBytes,
})

/** Top allocation sites, types and threads, allocation sizes, a flame graph, and the tracker's controls. */
export const Allocations: React.FunctionComponent = () => {
  const { data, error, refresh } = useMBeanPoll(READS)
  const values = valuesOf(data?.allocations)
  return (
    <MBeanPage
      result={data?.allocations}
      error={error}
      absent={{
        what: 'Allocation tracking',
        why: 'The memtrack agent in this JVM does not track allocations: its allocation tracker is not installed',
        mbean: Contract.objectName,
      }}
    >
      <GridItem lg={5} span={12}>
        <TrackerControls values={values} onChanged={refresh} />
      </GridItem>
      <GridItem lg={7} span={12}>
        <Totals values={values} />
      </GridItem>
      <GridItem span={12}>
        <TopTables values={values} />
      </GridItem>
      <GridItem span={12}>
        <Flame />
      </GridItem>
    </MBeanPage>
  )
}

const TrackerControls: React.FunctionComponent<{ values: Readonly<Record<string, unknown>>; onChanged: () => void }> = ({
  values,
  onChanged,
}) => {
  const operation = useOperation(onChanged)
  const mode = String(values[Contract.attr.mode] ?? '')
  const interval = toNumber(values[Contract.attr.samplingIntervalBytes])

  const setMode = (next: string) =>
    operation.run(async () => {
      await writeAttribute(Contract.objectName, Contract.attr.mode, next, `Setting the mode to ${next}`)
      return `Mode set to ${next}.`
    })
  const applyInterval = async (bytes: number) => {
    await writeAttribute(Contract.objectName, Contract.attr.samplingIntervalBytes, bytes, 'Setting the sampling interval')
    return `Sampling interval set to ${formatBytes(bytes)}.`
  }
  const reset = async () => {
    await execute(Contract.objectName, Contract.ops.reset, [], 'Resetting the tables')
    return 'Tables, counters and histograms cleared.'
  }

  return (
    <Card isCompact isFullHeight>
      <CardTitle>Tracking</CardTitle>
      <CardBody>
        <Form onSubmit={e => e.preventDefault()}>
          <FormGroup label='Mode' fieldId='memtrack-alloc-mode'>
            <ModeToggle
              label='Allocation tracking mode'
              id='memtrack-alloc-mode'
              modes={Contract.modes}
              selected={mode}
              idPrefix='memtrack-mode-'
              isDisabled={operation.busy}
              onSelect={setMode}
            />
            <FormHelperText>
              <HelperText>
                <HelperTextItem>
                  EXACT counts every allocation; SAMPLED estimates them at a fraction of the cost; OFF records nothing.
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          <FormGroup label={`Sampling interval (bytes), now ${formatBytes(interval)}`} fieldId='memtrack-sampling-interval'>
            <NumberSetter
              id='memtrack-sampling-interval'
              label='Sampling interval in bytes'
              parse={parseInterval}
              current={Number.isFinite(interval) ? String(interval) : '524288'}
              operation={operation}
              apply={applyInterval}
              button='Apply'
              fill
            />
            <FormHelperText>
              <HelperText>
                <HelperTextItem>
                  Mean bytes between two samples of a thread in SAMPLED mode: 1024 (1 KiB) to 1073741824 (1 GiB).
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          <Flex>
            <FlexItem>
              <OperationButton operation={operation} action={reset} isDanger>
                Reset tables
              </OperationButton>
            </FlexItem>
          </Flex>
          <OperationResult state={operation} />
        </Form>
      </CardBody>
    </Card>
  )
}

const Totals: React.FunctionComponent<{ values: Readonly<Record<string, unknown>> }> = ({ values }) => {
  const estimated = values[Contract.attr.estimated] === true
  const sizes = (values[Contract.attr.sizePercentiles] ?? {}) as Partial<SizePercentiles>
  return (
    <Card isCompact isFullHeight>
      <CardTitle>
        Since {formatClock(toNumber(values[Contract.attr.sinceMillis]))}{' '}
        {estimated ? <Label color='blue'>estimated (sampled)</Label> : <Label color='green'>exact</Label>}
      </CardTitle>
      <CardBody>
        <Facts
          testId='allocation-totals'
          columns='2Col'
          wideColumns='3Col'
          facts={[
            ['Allocated, all threads', formatBytes(toNumber(values[Contract.attr.totalAllocatedBytes]))],
            ['Rate, all threads', formatBytesPerSecond(toNumber(values[Contract.attr.allocationRateBytesPerSecond]))],
            ['At tracked sites', formatBytes(toNumber(values[Contract.attr.trackedAllocatedBytes]))],
            ['Allocations at tracked sites', formatCount(toNumber(values[Contract.attr.trackedAllocationCount]))],
            ['Outside tracked sites', formatBytes(toNumber(values[Contract.attr.unattributedBytes]))],
          ]}
        />
        <Title headingLevel='h4' className='memtrack-subtitle'>
          Allocation sizes
        </Title>
        <Facts
          testId='size-percentiles'
          columns='2Col'
          wideColumns='3Col'
          facts={[
            ['Median size', formatBytes(toNumber(sizes.p50Bytes))],
            ['90th percentile', formatBytes(toNumber(sizes.p90Bytes))],
            ['99th percentile', formatBytes(toNumber(sizes.p99Bytes))],
            ['99.9th percentile', formatBytes(toNumber(sizes.p999Bytes))],
            ['Largest', formatBytes(toNumber(sizes.maxBytes))],
            ['Sizes recorded', formatCount(toNumber(sizes.count))],
          ]}
        />
      </CardBody>
    </Card>
  )
}

const TopTables: React.FunctionComponent<{ values: Readonly<Record<string, unknown>> }> = ({ values }) => {
  const [tab, setTab] = useState<string | number>('sites')
  const sites = useMemo(() => tableRows<SiteRow>(values[Contract.attr.topSites]), [values])
  const types = useMemo(() => tableRows<TypeRow>(values[Contract.attr.topTypes]), [values])
  const threads = useMemo(() => tableRows<ThreadRow>(values[Contract.attr.topThreads]), [values])
  return (
    <Card isCompact>
      <CardBody>
        <Tabs activeKey={tab} onSelect={(_e, key) => setTab(key)} aria-label='Top allocations'>
          <Tab eventKey='sites' title={`Sites (${sites.length})`}>
            <TopTable<SiteRow>
              label='Top allocation sites'
              rows={sites}
              emptyText='No allocations recorded at instrumented sites yet.'
              columns={[
                rankColumn,
                { key: 'site', title: 'Site', longNames: true },
                { key: 'type', title: 'Type', longNames: true },
                countColumn,
                bytesColumn('Bytes'),
                errorColumn,
              ]}
            />
          </Tab>
          <Tab eventKey='types' title={`Types (${types.length})`}>
            <TopTable<TypeRow>
              label='Top allocated types'
              rows={types}
              emptyText='No allocations recorded yet.'
              columns={[rankColumn, { key: 'type', title: 'Type', longNames: true }, countColumn, bytesColumn('Bytes'), errorColumn]}
            />
          </Tab>
          <Tab eventKey='threads' title={`Threads (${threads.length})`}>
            <TopTable<ThreadRow>
              label='Top allocating threads'
              rows={threads}
              emptyText='No allocating threads recorded yet.'
              columns={[
                rankColumn,
                { key: 'thread', title: 'Thread', longNames: true },
                { key: 'threadId', title: 'Id', numeric: true },
                countColumn,
                bytesColumn('At tracked sites'),
                { key: 'jvmAllocatedBytes', title: 'JVM counted', numeric: true, render: r => formatBytes(r.jvmAllocatedBytes) },
              ]}
            />
          </Tab>
        </Tabs>
      </CardBody>
    </Card>
  )
}

/** What the top tables of sites, types and threads share: the tracker's rank, and what was counted there. */
type Ranked = { readonly rank: number; readonly count: number; readonly bytes: number }

const rankColumn: Column<Ranked> = { key: 'rank', title: '#', numeric: true }
const countColumn: Column<Ranked> = { key: 'count', title: 'Allocations', numeric: true, render: r => formatCount(r.count) }
const bytesColumn = (title: string): Column<Ranked> => ({ key: 'bytes', title, numeric: true, render: r => formatBytes(r.bytes) })
/** The uncertainty of a sampled estimate; exact counts have none. */
const errorColumn: Column<{ readonly errorBytes: number }> = {
  key: 'errorBytes',
  title: '± bytes',
  numeric: true,
  render: r => (r.errorBytes > 0 ? formatBytes(r.errorBytes) : '—'),
}

type TopTableProps<T> = {
  readonly label: string
  readonly rows: readonly T[]
  readonly emptyText: string
  readonly columns: readonly Column<T>[]
}

/** One top table: in the tracker's order (most bytes first) until a header is clicked. */
function TopTable<T extends Ranked>({ label, rows, emptyText, columns }: TopTableProps<T>): React.ReactElement {
  return (
    <SortableTable<T>
      label={label}
      rows={rows}
      rowKey={r => `${r.rank}`}
      initialSort={{ column: 'bytes', direction: 'desc' }}
      emptyText={emptyText}
      columns={columns}
    />
  )
}

const Flame: React.FunctionComponent = () => {
  const [stacks, setStacks] = useState<ParsedStacks | null>(null)
  const operation = useOperation()
  const { run } = operation
  const load = useCallback(
    () =>
      run(async () => {
        const text = await execute(Contract.objectName, Contract.ops.foldedStacks, [FLAME_LINES], 'Loading allocation stacks')
        setStacks(parseFoldedStacks(typeof text === 'string' ? text : ''))
      }),
    [run],
  )
  useEffect(() => {
    load()
  }, [load])
  return (
    <Card isCompact>
      <CardTitle>
        Allocation stacks{' '}
        <Button variant='link' isInline onClick={load} isDisabled={operation.busy}>
          Refresh
        </Button>
      </CardTitle>
      <CardBody>
        <OperationResult state={operation} />
        {stacks && <FlameGraph stacks={stacks} format={formatBytes} />}
      </CardBody>
    </Card>
  )
}
