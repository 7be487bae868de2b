import { Card, CardBody, CardTitle, Flex, FlexItem, GridItem, TextInput } from '@patternfly/react-core'
import React, { useMemo, useState } from 'react'
import { Segmentation as Contract } from '../contract'
import { formatBytes, formatCount, formatRatio } from '../lib/format'
import { stringList, tableRows, toNumber } from '../lib/jolokia-values'
import { memoryBlocks } from '../lib/memory-layout'
import { wholeNumberParser } from '../lib/number-input'
import { execute } from '../memtrack-service'
import { HoleRow, SegmentRow, Translation } from '../types'
import { MemoryBar } from './charts/MemoryBar'
import { Facts } from './Facts'
import { MBeanPage } from './MBeanPage'
import { NameSelect } from './NameSelect'
import { simulatorNotice } from './NotAvailable'
import { FieldErrors, NumberField } from './NumberField'
import { OperationButton } from './OperationButton'
import { OperationResult } from './OperationResult'
import { SortableTable } from './SortableTable'
import { useMBeanPoll, valuesOf } from './use-mbean-poll'
import { useNumberField } from './use-number-field'
import { useOperation } from './use-operation'

const READS = {
  segmentation: {
    mbean: Contract.objectName,
    attributes: [
      Contract.attr.strategies,
      Contract.attr.strategy,
      Contract.attr.memorySize,
      Contract.attr.freeBytes,
      Contract.attr.allocatedBytes,
      Contract.attr.holeCount,
      Contract.attr.largestHoleBytes,
      Contract.attr.externalFragmentation,
      Contract.attr.failedAllocations,
      Contract.attr.segments,
      Contract.attr.holes,
    ],
  },
} as const

const ABSENT = simulatorNotice('The segmentation simulator', Contract.objectName)

const parseSize = wholeNumberParser({ label: 'Size', min: 1, max: Contract.maxMemorySize })
const parseMemorySize = wholeNumberParser({ label: 'Memory size', min: 1, max: Contract.maxMemorySize })
const parseOffset = wholeNumberParser({ label: 'Offset', min: 0, max: Contract.maxMemorySize })

/** Segmentation: the memory as a bar of segments and holes; place, free, compact and translate. */
export const Segmentation: React.FunctionComponent = () => {
  const { data, error, refresh } = useMBeanPoll(READS)
  const values = valuesOf(data?.segmentation)
  const operation = useOperation(refresh)
  const memorySize = toNumber(values[Contract.attr.memorySize])
  const segments = useMemo(() => tableRows<SegmentRow>(values[Contract.attr.segments]).sort((a, b) => a.base - b.base), [values])
  const holes = useMemo(() => tableRows<HoleRow>(values[Contract.attr.holes]), [values])
  const blocks = useMemo(() => memoryBlocks(memorySize, segments, holes), [memorySize, segments, holes])
  const strategies = stringList(values[Contract.attr.strategies])

  const [selected, setSelected] = useState<string | null>(null)
  const [name, setName] = useState('P1/code')
  const [strategy, setStrategy] = useState('FIRST_FIT')
  const [translation, setTranslation] = useState<Translation | null>(null)
  const segmentSize = useNumberField(parseSize, { initial: '100' })
  const newMemorySize = useNumberField(parseMemorySize, { initial: '1024' })
  const offset = useNumberField(parseOffset, { initial: '0' })

  const segment = name.trim()
  const bytes = segmentSize.value
  const allocate =
    segment && bytes !== null
      ? async () => {
          const base = toNumber(await execute(Contract.objectName, Contract.ops.allocate, [segment, bytes], `Allocating ${segment}`))
          if (base < 0) {
            throw new Error(
              `Allocating ${segment} failed: no hole of ${formatCount(bytes)} bytes (the largest is ${formatCount(toNumber(values[Contract.attr.largestHoleBytes]))}). Free or compact first.`,
            )
          }
          setSelected(segment)
          return `${segment} placed at address ${formatCount(base)}.`
        }
      : null
  const free = selected
    ? async () => {
        await execute(Contract.objectName, Contract.ops.free, [selected], `Freeing ${selected}`)
        setSelected(null)
        return `${selected} freed.`
      }
    : null
  const selectedProcess = segments.find(s => s.name === selected)?.process ?? selected
  const freeProcess = selected
    ? async () => {
        const count = await execute(
          Contract.objectName,
          Contract.ops.freeProcess,
          [selectedProcess],
          `Freeing the segments of ${selectedProcess}`,
        )
        setSelected(null)
        return `${count} segment(s) of ${selectedProcess} freed.`
      }
    : null
  const compact = async () => {
    await execute(Contract.objectName, Contract.ops.compact, [], 'Compacting')
    return 'Memory compacted: one hole left at the top.'
  }
  const newSize = newMemorySize.value
  const reset =
    newSize !== null
      ? async () => {
          await execute(Contract.objectName, Contract.ops.reset, [newSize, strategy], 'Resetting the memory')
          setSelected(null)
          setTranslation(null)
          return `Empty memory of ${formatCount(newSize)} bytes, ${strategy}.`
        }
      : null
  const at = offset.value
  const translate =
    selected && at !== null
      ? async () => {
          setTranslation(
            (await execute(Contract.objectName, Contract.ops.translate, [selected, at], `Translating ${selected}+${at}`)) as Translation,
          )
        }
      : null

  return (
    <MBeanPage result={data?.segmentation} error={error} absent={ABSENT}>
      <GridItem span={12}>
        <Card isCompact>
          <CardTitle>
            Memory of {formatCount(memorySize)} bytes, {String(values[Contract.attr.strategy] ?? '')}
          </CardTitle>
          <CardBody>
            <MemoryBar blocks={blocks} format={formatBytes} selected={selected} onSelect={setSelected} />
            <Facts
              testId='segmentation-statistics'
              columns='2Col'
              wideColumns='3Col'
              facts={[
                ['Allocated', formatCount(toNumber(values[Contract.attr.allocatedBytes]))],
                ['Free', formatCount(toNumber(values[Contract.attr.freeBytes]))],
                ['Holes', formatCount(toNumber(values[Contract.attr.holeCount]))],
                ['Largest hole', formatCount(toNumber(values[Contract.attr.largestHoleBytes]))],
                ['External fragmentation', formatRatio(toNumber(values[Contract.attr.externalFragmentation]))],
                ['Failed allocations', formatCount(toNumber(values[Contract.attr.failedAllocations]))],
              ]}
            />
          </CardBody>
        </Card>
      </GridItem>
      <GridItem span={12}>
        <OperationResult state={operation} />
      </GridItem>
      <GridItem lg={6} span={12}>
        <Card isCompact isFullHeight>
          <CardTitle>Allocate a segment</CardTitle>
          <CardBody>
            <Flex alignItems={{ default: 'alignItemsCenter' }}>
              <FlexItem>
                <TextInput
                  aria-label='Segment name'
                  value={name}
                  onChange={(_e, v) => setName(v)}
                  placeholder='P1/code'
                  style={{ width: '10rem' }}
                />
              </FlexItem>
              <FlexItem>
                <NumberField field={segmentSize} label='Segment size' width='8rem' />
              </FlexItem>
              <FlexItem>
                <OperationButton operation={operation} action={allocate} variant='primary'>
                  Allocate
                </OperationButton>
              </FlexItem>
            </Flex>
            <FieldErrors fields={[segmentSize]} />
            <p className='memtrack-muted'>Name a segment process/segment (P1/code) or by a bare name; the strategy picks the hole.</p>
          </CardBody>
        </Card>
      </GridItem>
      <GridItem lg={6} span={12}>
        <Card isCompact isFullHeight>
          <CardTitle>Selected segment: {selected ?? 'click one in the bar'}</CardTitle>
          <CardBody>
            <Flex alignItems={{ default: 'alignItemsCenter' }}>
              <FlexItem>
                <OperationButton operation={operation} action={free}>
                  Free
                </OperationButton>
              </FlexItem>
              <FlexItem>
                <OperationButton operation={operation} action={freeProcess}>
                  Free its process
                </OperationButton>
              </FlexItem>
              <FlexItem>
                <NumberField field={offset} label='Offset to translate' width='7rem' />
              </FlexItem>
              <FlexItem>
                <OperationButton operation={operation} action={translate}>
                  Translate
                </OperationButton>
              </FlexItem>
            </Flex>
            <FieldErrors fields={[offset]} />
            {translation && (
              <p data-testid='translation'>
                {translation.fault
                  ? `Protection fault: ${translation.message || `offset ${translation.offset} is outside ${translation.segment}`}`
                  : `${translation.segment} + ${formatCount(translation.offset)} → physical address ${formatCount(translation.physicalAddress)}`}
              </p>
            )}
          </CardBody>
        </Card>
      </GridItem>
      <GridItem span={12}>
        <Card isCompact>
          <CardTitle>Memory</CardTitle>
          <CardBody>
            <Flex alignItems={{ default: 'alignItemsCenter' }}>
              <FlexItem>
                <OperationButton operation={operation} action={compact}>
                  Compact
                </OperationButton>
              </FlexItem>
              <FlexItem>
                <NumberField field={newMemorySize} label='Memory size' width='9rem' />
              </FlexItem>
              <FlexItem>
                <NameSelect label='Placement strategy' names={strategies} value={strategy} onChange={setStrategy} />
              </FlexItem>
              <FlexItem>
                <OperationButton operation={operation} action={reset} isDanger>
                  Reset memory
                </OperationButton>
              </FlexItem>
            </Flex>
            <FieldErrors fields={[newMemorySize]} />
            <SortableTable<SegmentRow>
              label='Segments'
              rows={segments}
              rowKey={s => s.name}
              initialSort={{ column: 'base', direction: 'asc' }}
              emptyText='No segments allocated.'
              columns={[
                { key: 'name', title: 'Segment' },
                { key: 'process', title: 'Process' },
                { key: 'base', title: 'Base', numeric: true, render: s => formatCount(s.base) },
                { key: 'limit', title: 'Limit', numeric: true, render: s => formatCount(s.limit) },
              ]}
            />
          </CardBody>
        </Card>
      </GridItem>
    </MBeanPage>
  )
}
