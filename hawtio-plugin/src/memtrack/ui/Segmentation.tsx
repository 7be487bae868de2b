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
  TextInput,
} from '@patternfly/react-core'
import React, { useMemo, useState } from 'react'
import { Segmentation as Contract } from '../contract'
import { formatBytes, formatCount, formatRatio } from '../lib/format'
import { stringList, tableRows, toNumber } from '../lib/jolokia-values'
import { memoryBlocks } from '../lib/memory-layout'
import { parseWholeNumber } from '../lib/number-input'
import { execute } from '../memtrack-service'
import { HoleRow, SegmentRow, Translation } from '../types'
import { MemoryBar } from './charts/MemoryBar'
import { Facts } from './Facts'
import { PollError, unavailableState } from './NotAvailable'
import { OperationResult } from './OperationResult'
import { SortableTable } from './SortableTable'
import { useMBeanPoll, useOperation, valuesOf } from './use-mbean-poll'

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

const sizeRule = { label: 'Size', min: 1, max: Contract.maxMemorySize }

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
  const [sizeText, setSizeText] = useState('100')
  const [resetSizeText, setResetSizeText] = useState('1024')
  const [strategy, setStrategy] = useState('FIRST_FIT')
  const [offsetText, setOffsetText] = useState('0')
  const [translation, setTranslation] = useState<Translation | null>(null)

  const size = parseWholeNumber(sizeText, sizeRule)
  const resetSize = parseWholeNumber(resetSizeText, { ...sizeRule, label: 'Memory size' })
  const offset = parseWholeNumber(offsetText, { label: 'Offset', min: 0, max: Contract.maxMemorySize })
  const target = selected ?? ''

  const allocate = () => {
    if (size.ok && name.trim()) {
      const segment = name.trim()
      const bytes = size.value
      operation.run(async () => {
        const base = toNumber(await execute(Contract.objectName, Contract.ops.allocate, [segment, bytes], `Allocating ${segment}`))
        if (base < 0) {
          throw new Error(
            `Allocating ${segment} failed: no hole of ${formatCount(bytes)} bytes (the largest is ${formatCount(toNumber(values[Contract.attr.largestHoleBytes]))}). Free or compact first.`,
          )
        }
        setSelected(segment)
        return `${segment} placed at address ${formatCount(base)}.`
      })
    }
  }
  const free = () =>
    operation.run(async () => {
      await execute(Contract.objectName, Contract.ops.free, [target], `Freeing ${target}`)
      setSelected(null)
      return `${target} freed.`
    })
  const freeProcess = () => {
    const process = segments.find(s => s.name === target)?.process ?? target
    operation.run(async () => {
      const count = await execute(Contract.objectName, Contract.ops.freeProcess, [process], `Freeing the segments of ${process}`)
      setSelected(null)
      return `${count} segment(s) of ${process} freed.`
    })
  }
  const compact = () =>
    operation.run(async () => {
      await execute(Contract.objectName, Contract.ops.compact, [], 'Compacting')
      return 'Memory compacted: one hole left at the top.'
    })
  const reset = () => {
    if (resetSize.ok) {
      const bytes = resetSize.value
      operation.run(async () => {
        await execute(Contract.objectName, Contract.ops.reset, [bytes, strategy], 'Resetting the memory')
        setSelected(null)
        setTranslation(null)
        return `Empty memory of ${formatCount(bytes)} bytes, ${strategy}.`
      })
    }
  }
  const translate = () => {
    if (offset.ok) {
      const at = offset.value
      operation.run(async () => {
        setTranslation(
          (await execute(Contract.objectName, Contract.ops.translate, [target, at], `Translating ${target}+${at}`)) as Translation,
        )
      })
    }
  }

  const unavailable = unavailableState(data?.segmentation, error, {
    what: 'The segmentation simulator',
    why: 'The memtrack agent in this JVM does not offer the simulators',
    mbean: Contract.objectName,
  })
  if (unavailable) {
    return unavailable
  }
  return (
    <Grid hasGutter>
      <GridItem span={12}>
        <PollError error={error ?? (data?.segmentation.kind === 'error' ? data.segmentation.message : null)} />
      </GridItem>
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
                <TextInput
                  aria-label='Segment size'
                  value={sizeText}
                  onChange={(_e, v) => setSizeText(v)}
                  validated={size.ok ? 'default' : 'error'}
                  style={{ width: '8rem' }}
                />
              </FlexItem>
              <FlexItem>
                <Button variant='primary' onClick={allocate} isDisabled={!size.ok || !name.trim() || operation.busy}>
                  Allocate
                </Button>
              </FlexItem>
            </Flex>
            {!size.ok && <span className='memtrack-error-text'>{size.error}</span>}
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
                <Button variant='secondary' onClick={free} isDisabled={!selected || operation.busy}>
                  Free
                </Button>
              </FlexItem>
              <FlexItem>
                <Button variant='secondary' onClick={freeProcess} isDisabled={!selected || operation.busy}>
                  Free its process
                </Button>
              </FlexItem>
              <FlexItem>
                <TextInput
                  aria-label='Offset to translate'
                  value={offsetText}
                  onChange={(_e, v) => setOffsetText(v)}
                  validated={offset.ok ? 'default' : 'error'}
                  style={{ width: '7rem' }}
                />
              </FlexItem>
              <FlexItem>
                <Button variant='secondary' onClick={translate} isDisabled={!selected || !offset.ok || operation.busy}>
                  Translate
                </Button>
              </FlexItem>
            </Flex>
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
                <Button variant='secondary' onClick={compact} isDisabled={operation.busy}>
                  Compact
                </Button>
              </FlexItem>
              <FlexItem>
                <TextInput
                  aria-label='Memory size'
                  value={resetSizeText}
                  onChange={(_e, v) => setResetSizeText(v)}
                  validated={resetSize.ok ? 'default' : 'error'}
                  style={{ width: '9rem' }}
                />
              </FlexItem>
              <FlexItem>
                <FormSelect aria-label='Placement strategy' value={strategy} onChange={(_e, v) => setStrategy(v)}>
                  {(strategies.length ? strategies : ['FIRST_FIT']).map(s => (
                    <FormSelectOption key={s} value={s} label={s} />
                  ))}
                </FormSelect>
              </FlexItem>
              <FlexItem>
                <Button variant='secondary' isDanger onClick={reset} isDisabled={!resetSize.ok || operation.busy}>
                  Reset memory
                </Button>
              </FlexItem>
            </Flex>
            {!resetSize.ok && <span className='memtrack-error-text'>{resetSize.error}</span>}
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
    </Grid>
  )
}
