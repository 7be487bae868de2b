import { Card, CardBody, CardTitle, Flex, FlexItem, GridItem, Label } from '@patternfly/react-core'
import React, { useCallback, useState } from 'react'
import { Stress as Contract } from '../contract'
import { formatBytes, formatBytesPerSecond } from '../lib/format'
import { stringList, toNumber } from '../lib/jolokia-values'
import { wholeNumberParser } from '../lib/number-input'
import { SeriesSet, appendAll, emptySet } from '../lib/rolling-series'
import { MBeanValues, execute } from '../memtrack-service'
import { StressStatus } from '../types'
import { LineChart } from './charts/LineChart'
import { Facts } from './Facts'
import { MBeanPage } from './MBeanPage'
import { NameSelect } from './NameSelect'
import { simulatorNotice } from './NotAvailable'
import { FieldErrors, NumberField } from './NumberField'
import { OperationButton } from './OperationButton'
import { OperationResult } from './OperationResult'
import { colors } from './palette'
import { useMBeanPoll, valuesOf } from './use-mbean-poll'
import { useNumberField } from './use-number-field'
import { useOperation } from './use-operation'

const READS = {
  stress: {
    mbean: Contract.objectName,
    attributes: [Contract.attr.patterns, Contract.attr.status, Contract.attr.capBytes],
  },
} as const

const ABSENT = simulatorNotice('The memory-stress generator', Contract.objectName)

const SERIES = ['retained', 'allocated'] as const

const MAX_INT = 2_147_483_647

const parseTarget = wholeNumberParser({ label: 'Target', min: 1, max: MAX_INT })
const parseRate = wholeNumberParser({ label: 'Rate', min: 1, max: MAX_INT })

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
  const [pattern, setPattern] = useState('STEADY')
  const target = useNumberField(parseTarget, { initial: '64' })
  const rate = useNumberField(parseRate, { initial: '16' })

  const [mb, mbPerSecond] = [target.value, rate.value]
  const start =
    mb !== null && mbPerSecond !== null
      ? async () => {
          await execute(Contract.objectName, Contract.ops.start, [mb, mbPerSecond, pattern], 'Starting the stress generator')
          return `Generating ${mb} MiB at ${mbPerSecond} MiB/s (${pattern}).`
        }
      : null
  const stop = status.running
    ? async () => {
        await execute(Contract.objectName, Contract.ops.stop, [], 'Stopping the stress generator')
        return 'Stopped; the retained heap is released.'
      }
    : null

  return (
    <MBeanPage result={data?.stress} error={error} absent={ABSENT}>
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
                <NumberField field={target} label='Target retained MiB' width='6rem' />
              </FlexItem>
              <FlexItem>MiB at</FlexItem>
              <FlexItem>
                <NumberField field={rate} label='Rate MiB per second' width='5rem' />
              </FlexItem>
              <FlexItem>MiB/s</FlexItem>
              <FlexItem>
                <NameSelect label='Allocation pattern' names={patterns} value={pattern} onChange={setPattern} />
              </FlexItem>
            </Flex>
            <FieldErrors fields={[target, rate]} />
            <Flex>
              <FlexItem>
                <OperationButton operation={operation} action={start} variant='primary'>
                  Start
                </OperationButton>
              </FlexItem>
              <FlexItem>
                <OperationButton operation={operation} action={stop}>
                  Stop
                </OperationButton>
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
    </MBeanPage>
  )
}
