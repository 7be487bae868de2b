import {
  Button,
  Card,
  CardBody,
  CardTitle,
  Flex,
  FlexItem,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  Label,
  TextInput,
} from '@patternfly/react-core'
import React, { useCallback, useState } from 'react'
import { Stress as Contract } from '../contract'
import { formatBytes, formatBytesPerSecond } from '../lib/format'
import { stringList, toNumber } from '../lib/jolokia-values'
import { parseWholeNumber } from '../lib/number-input'
import { SeriesSet, appendAll, emptySet } from '../lib/rolling-series'
import { MBeanValues, execute } from '../memtrack-service'
import { StressStatus } from '../types'
import { LineChart } from './charts/LineChart'
import { Facts } from './Facts'
import { PollError, unavailableState } from './NotAvailable'
import { OperationResult } from './OperationResult'
import { colors } from './palette'
import { useMBeanPoll, useOperation, valuesOf } from './use-mbean-poll'

const READS = {
  stress: {
    mbean: Contract.objectName,
    attributes: [Contract.attr.patterns, Contract.attr.status, Contract.attr.capBytes],
  },
} as const

const SERIES = ['retained', 'allocated'] as const

const MAX_INT = 2_147_483_647

/** The memory-stress generator: real heap at a target rate up to a retained target, within a safety cap. */
export const Stress: React.FunctionComponent = () => {
  const [series, setSeries] = useState<SeriesSet<(typeof SERIES)[number]>>(() => emptySet(SERIES))
  const onPoll = useCallback((data: Readonly<Record<'stress', MBeanValues>>, at: number) => {
    const status = valuesOf(data.stress)[Contract.attr.status] as Partial<StressStatus> | undefined
    if (status) {
      setSeries(current => appendAll(current, at, { retained: toNumber(status.retainedBytes), allocated: toNumber(status.allocatedBytes) }))
    }
  }, [])
  const { data, error, refresh } = useMBeanPoll(READS, onPoll)
  const values = valuesOf(data?.stress)
  const status = (values[Contract.attr.status] ?? {}) as Partial<StressStatus>
  const cap = toNumber(values[Contract.attr.capBytes])
  const patterns = stringList(values[Contract.attr.patterns])
  const operation = useOperation(refresh)
  const [targetText, setTargetText] = useState('64')
  const [rateText, setRateText] = useState('16')
  const [pattern, setPattern] = useState('STEADY')
  const target = parseWholeNumber(targetText, { label: 'Target', min: 1, max: MAX_INT })
  const rate = parseWholeNumber(rateText, { label: 'Rate', min: 1, max: MAX_INT })

  const start = () => {
    if (target.ok && rate.ok) {
      const [mb, mbPerSecond] = [target.value, rate.value]
      operation.run(async () => {
        await execute(Contract.objectName, Contract.ops.start, [mb, mbPerSecond, pattern], 'Starting the stress generator')
        return `Generating ${mb} MiB at ${mbPerSecond} MiB/s (${pattern}).`
      })
    }
  }
  const stop = () =>
    operation.run(async () => {
      await execute(Contract.objectName, Contract.ops.stop, [], 'Stopping the stress generator')
      return 'Stopped; the retained heap is released.'
    })

  const unavailable = unavailableState(data?.stress, error, {
    what: 'The memory-stress generator',
    why: 'The memtrack agent in this JVM does not offer the simulators',
    mbean: Contract.objectName,
  })
  if (unavailable) {
    return unavailable
  }
  return (
    <Grid hasGutter>
      <GridItem span={12}>
        <PollError error={error ?? (data?.stress.kind === 'error' ? data.stress.message : null)} />
      </GridItem>
      <GridItem lg={5} span={12}>
        <Card isCompact isFullHeight>
          <CardTitle>
            Generator{' '}
            <Label color={status.running ? 'orange' : 'grey'} data-testid='stress-state'>
              {status.running ? `running, ${status.phase ?? ''}` : 'stopped'}
            </Label>
          </CardTitle>
          <CardBody>
            <Flex alignItems={{ default: 'alignItemsCenter' }}>
              <FlexItem>
                <TextInput
                  aria-label='Target retained MiB'
                  value={targetText}
                  onChange={(_e, v) => setTargetText(v)}
                  validated={target.ok ? 'default' : 'error'}
                  style={{ width: '6rem' }}
                />
              </FlexItem>
              <FlexItem>MiB at</FlexItem>
              <FlexItem>
                <TextInput
                  aria-label='Rate MiB per second'
                  value={rateText}
                  onChange={(_e, v) => setRateText(v)}
                  validated={rate.ok ? 'default' : 'error'}
                  style={{ width: '5rem' }}
                />
              </FlexItem>
              <FlexItem>MiB/s</FlexItem>
              <FlexItem>
                <FormSelect aria-label='Allocation pattern' value={pattern} onChange={(_e, v) => setPattern(v)}>
                  {(patterns.length ? patterns : ['STEADY']).map(p => (
                    <FormSelectOption key={p} value={p} label={p} />
                  ))}
                </FormSelect>
              </FlexItem>
            </Flex>
            {!target.ok && <span className='memtrack-error-text'>{target.error}</span>}
            {!rate.ok && <span className='memtrack-error-text'>{rate.error}</span>}
            <Flex>
              <FlexItem>
                <Button variant='primary' onClick={start} isDisabled={!target.ok || !rate.ok || operation.busy}>
                  Start
                </Button>
              </FlexItem>
              <FlexItem>
                <Button variant='secondary' onClick={stop} isDisabled={!status.running || operation.busy}>
                  Stop
                </Button>
              </FlexItem>
            </Flex>
            <p className='memtrack-muted'>Targets above the safety cap of {formatBytes(cap)} are refused by the JVM.</p>
            <OperationResult state={operation} />
            <Facts
              testId='stress-status'
              horizontal
              facts={[
                ['Pattern', status.pattern || '—'],
                ['Target', formatBytes(toNumber(status.targetBytes))],
                ['Rate', formatBytesPerSecond(toNumber(status.rateBytesPerSecond))],
                ['Retained', formatBytes(toNumber(status.retainedBytes))],
                ['Allocated in all', formatBytes(toNumber(status.allocatedBytes))],
              ]}
            />
          </CardBody>
        </Card>
      </GridItem>
      <GridItem lg={7} span={12}>
        <Card isCompact isFullHeight>
          <CardTitle>Heap held by the generator</CardTitle>
          <CardBody>
            <LineChart
              title='Stress generator heap'
              format={formatBytes}
              binary
              series={[
                { label: 'retained', color: colors.red, data: series.retained },
                { label: 'allocated in all', color: colors.orange, data: series.allocated, dashed: true },
              ]}
            />
          </CardBody>
        </Card>
      </GridItem>
    </Grid>
  )
}
