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
  Grid,
  GridItem,
  HelperText,
  HelperTextItem,
  InputGroup,
  InputGroupItem,
  Label,
  Tab,
  Tabs,
  TextInput,
  Title,
  ToggleGroup,
  ToggleGroupItem,
} from '@patternfly/react-core'
import React, { useCallback, useEffect, useMemo, useState } from 'react'
import { Allocations as Contract } from '../contract'
import { ParsedStacks, parseFoldedStacks } from '../lib/folded-stacks'
import { formatBytes, formatBytesPerSecond, formatClock, formatCount } from '../lib/format'
import { tableRows, toNumber } from '../lib/jolokia-values'
import { parseWholeNumber } from '../lib/number-input'
import { execute, writeAttribute } from '../memtrack-service'
import { SiteRow, SizePercentiles, ThreadRow, TypeRow } from '../types'
import { FlameGraph } from './charts/FlameGraph'
import { Facts } from './Facts'
import { PollError, unavailableState } from './NotAvailable'
import { OperationResult } from './OperationResult'
import { SortableTable } from './SortableTable'
import { useMBeanPoll, useOperation, valuesOf } from './use-mbean-poll'

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

/** Top allocation sites, types and threads, allocation sizes, a flame graph, and the tracker's controls. */
export const Allocations: React.FunctionComponent = () => {
  const { data, error, refresh } = useMBeanPoll(READS)
  const unavailable = unavailableState(data?.allocations, error, {
    what: 'Allocation tracking',
    why: 'The memtrack agent in this JVM does not track allocations: its allocation tracker is not installed',
    mbean: Contract.objectName,
  })
  if (unavailable || !data) {
    return unavailable
  }
  const values = valuesOf(data.allocations)
  return (
    <Grid hasGutter>
      <GridItem span={12}>
        <PollError error={error ?? (data.allocations.kind === 'error' ? data.allocations.message : null)} />
      </GridItem>
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
    </Grid>
  )
}

const TrackerControls: React.FunctionComponent<{ values: Readonly<Record<string, unknown>>; onChanged: () => void }> = ({
  values,
  onChanged,
}) => {
  const operation = useOperation(onChanged)
  const mode = String(values[Contract.attr.mode] ?? '')
  const interval = toNumber(values[Contract.attr.samplingIntervalBytes])
  const [intervalText, setIntervalText] = useState('')
  const intervalCheck =
    intervalText.trim() === ''
      ? null
      : parseWholeNumber(intervalText, {
          label: 'Sampling interval',
          min: Contract.minSamplingIntervalBytes,
          max: Contract.maxSamplingIntervalBytes,
        })

  const setMode = (next: string) =>
    operation.run(async () => {
      await writeAttribute(Contract.objectName, Contract.attr.mode, next, `Setting the mode to ${next}`)
      return `Mode set to ${next}.`
    })
  const applyInterval = () => {
    if (intervalCheck?.ok) {
      const bytes = intervalCheck.value
      operation.run(async () => {
        await writeAttribute(Contract.objectName, Contract.attr.samplingIntervalBytes, bytes, 'Setting the sampling interval')
        setIntervalText('')
        return `Sampling interval set to ${formatBytes(bytes)}.`
      })
    }
  }
  const reset = () =>
    operation.run(async () => {
      await execute(Contract.objectName, Contract.ops.reset, [], 'Resetting the tables')
      return 'Tables, counters and histograms cleared.'
    })

  return (
    <Card isCompact isFullHeight>
      <CardTitle>Tracking</CardTitle>
      <CardBody>
        <Form onSubmit={e => e.preventDefault()}>
          <FormGroup label='Mode' fieldId='memtrack-alloc-mode'>
            <ToggleGroup aria-label='Allocation tracking mode' id='memtrack-alloc-mode'>
              {Contract.modes.map(m => (
                <ToggleGroupItem
                  key={m}
                  text={m}
                  buttonId={`memtrack-mode-${m}`}
                  isSelected={mode === m}
                  isDisabled={operation.busy}
                  onChange={() => setMode(m)}
                />
              ))}
            </ToggleGroup>
            <FormHelperText>
              <HelperText>
                <HelperTextItem>
                  EXACT counts every allocation; SAMPLED estimates them at a fraction of the cost; OFF records nothing.
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          <FormGroup label={`Sampling interval (bytes), now ${formatBytes(interval)}`} fieldId='memtrack-sampling-interval'>
            <InputGroup>
              <InputGroupItem isFill>
                <TextInput
                  id='memtrack-sampling-interval'
                  aria-label='Sampling interval in bytes'
                  value={intervalText}
                  placeholder={Number.isFinite(interval) ? String(interval) : '524288'}
                  validated={intervalCheck && !intervalCheck.ok ? 'error' : 'default'}
                  onChange={(_e, v) => setIntervalText(v)}
                />
              </InputGroupItem>
              <InputGroupItem>
                <Button variant='secondary' onClick={applyInterval} isDisabled={!intervalCheck?.ok || operation.busy}>
                  Apply
                </Button>
              </InputGroupItem>
            </InputGroup>
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant={intervalCheck && !intervalCheck.ok ? 'error' : 'default'}>
                  {intervalCheck && !intervalCheck.ok
                    ? intervalCheck.error
                    : 'Mean bytes between two samples of a thread in SAMPLED mode: 1024 (1 KiB) to 1073741824 (1 GiB).'}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          <Flex>
            <FlexItem>
              <Button variant='secondary' isDanger onClick={reset} isDisabled={operation.busy}>
                Reset tables
              </Button>
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
  const bytes = (b: number) => formatBytes(b)
  return (
    <Card isCompact>
      <CardBody>
        <Tabs activeKey={tab} onSelect={(_e, key) => setTab(key)} aria-label='Top allocations'>
          <Tab eventKey='sites' title={`Sites (${sites.length})`}>
            <SortableTable<SiteRow>
              label='Top allocation sites'
              rows={sites}
              rowKey={r => `${r.rank}`}
              initialSort={{ column: 'bytes', direction: 'desc' }}
              emptyText='No allocations recorded at instrumented sites yet.'
              columns={[
                { key: 'rank', title: '#', numeric: true },
                { key: 'site', title: 'Site' },
                { key: 'type', title: 'Type' },
                { key: 'count', title: 'Allocations', numeric: true, render: r => formatCount(r.count) },
                { key: 'bytes', title: 'Bytes', numeric: true, render: r => bytes(r.bytes) },
                { key: 'errorBytes', title: '± bytes', numeric: true, render: r => (r.errorBytes > 0 ? bytes(r.errorBytes) : '—') },
              ]}
            />
          </Tab>
          <Tab eventKey='types' title={`Types (${types.length})`}>
            <SortableTable<TypeRow>
              label='Top allocated types'
              rows={types}
              rowKey={r => `${r.rank}`}
              initialSort={{ column: 'bytes', direction: 'desc' }}
              emptyText='No allocations recorded yet.'
              columns={[
                { key: 'rank', title: '#', numeric: true },
                { key: 'type', title: 'Type' },
                { key: 'count', title: 'Allocations', numeric: true, render: r => formatCount(r.count) },
                { key: 'bytes', title: 'Bytes', numeric: true, render: r => bytes(r.bytes) },
                { key: 'errorBytes', title: '± bytes', numeric: true, render: r => (r.errorBytes > 0 ? bytes(r.errorBytes) : '—') },
              ]}
            />
          </Tab>
          <Tab eventKey='threads' title={`Threads (${threads.length})`}>
            <SortableTable<ThreadRow>
              label='Top allocating threads'
              rows={threads}
              rowKey={r => `${r.rank}`}
              initialSort={{ column: 'bytes', direction: 'desc' }}
              emptyText='No allocating threads recorded yet.'
              columns={[
                { key: 'rank', title: '#', numeric: true },
                { key: 'thread', title: 'Thread' },
                { key: 'threadId', title: 'Id', numeric: true },
                { key: 'count', title: 'Allocations', numeric: true, render: r => formatCount(r.count) },
                { key: 'bytes', title: 'At tracked sites', numeric: true, render: r => bytes(r.bytes) },
                { key: 'jvmAllocatedBytes', title: 'JVM counted', numeric: true, render: r => bytes(r.jvmAllocatedBytes) },
              ]}
            />
          </Tab>
        </Tabs>
      </CardBody>
    </Card>
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
