import {
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
  TextArea,
} from '@patternfly/react-core'
import React, { useMemo, useState } from 'react'
import { Paging as Contract } from '../contract'
import { beladyAnomalies } from '../lib/fault-curve'
import { formatCount, formatRatio } from '../lib/format'
import { stringList, tableRows } from '../lib/jolokia-values'
import { wholeNumberParser } from '../lib/number-input'
import { formatReferences, parseReferenceString } from '../lib/reference-string'
import { execute } from '../memtrack-service'
import { AccessOutcome, FaultCurvePoint, FrameRow, PagingResult, PagingStatistics } from '../types'
import { BarList } from './charts/BarList'
import { LineChart } from './charts/LineChart'
import { Facts } from './Facts'
import { MBeanPage } from './MBeanPage'
import { NameSelect } from './NameSelect'
import { simulatorNotice } from './NotAvailable'
import { FieldErrors, NumberField } from './NumberField'
import { OperationButton } from './OperationButton'
import { OperationResult } from './OperationResult'
import { colors } from './palette'
import { SortableTable } from './SortableTable'
import { useMBeanPoll, valuesOf } from './use-mbean-poll'
import { useNumberField } from './use-number-field'
import { useOperation } from './use-operation'

const READS = {
  paging: {
    mbean: Contract.objectName,
    attributes: [
      Contract.attr.algorithms,
      Contract.attr.algorithm,
      Contract.attr.frames,
      Contract.attr.frameTable,
      Contract.attr.statistics,
    ],
  },
} as const

const ABSENT = simulatorNotice('The paging simulator', Contract.objectName)

/** A classic reference string (Silberschatz) on which the algorithms differ clearly. */
const EXAMPLE = '7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1'

const parseFrames = wholeNumberParser({ label: 'Frames', min: 1, max: Contract.maxFrames })
const parseCurveFrames = wholeNumberParser({ label: 'Largest frame count', min: 1, max: Contract.maxFrames })

/** Page replacement: compare algorithms, draw a fault curve, or step through one algorithm frame by frame. */
export const Paging: React.FunctionComponent = () => {
  const { data, error, refresh } = useMBeanPoll(READS)
  const values = valuesOf(data?.paging)
  const algorithms = stringList(values[Contract.attr.algorithms])
  const [referenceText, setReferenceText] = useState(EXAMPLE)
  const [algorithm, setAlgorithm] = useState('FIFO')
  const frames = useNumberField(parseFrames, { initial: '3' })

  const references = useMemo(() => parseReferenceString(referenceText, Contract.maxReferences), [referenceText])
  const referenceString = references.ok ? formatReferences(references.references) : null

  return (
    <MBeanPage result={data?.paging} error={error} absent={ABSENT}>
      <GridItem span={12}>
        <Card isCompact>
          <CardTitle>Reference string</CardTitle>
          <CardBody>
            <Form onSubmit={e => e.preventDefault()}>
              <FormGroup label='Pages referenced, in order' fieldId='memtrack-references'>
                <TextArea
                  id='memtrack-references'
                  aria-label='Reference string'
                  value={referenceText}
                  onChange={(_e, v) => setReferenceText(v)}
                  validated={references.ok ? 'default' : 'error'}
                  rows={2}
                  resizeOrientation='vertical'
                />
                <FormHelperText>
                  <HelperText>
                    <HelperTextItem variant={references.ok ? 'default' : 'error'}>
                      {references.ok
                        ? `${references.references.length} references. Separate pages with commas or spaces; prefix a process as A:1.`
                        : references.error}
                    </HelperTextItem>
                  </HelperText>
                </FormHelperText>
              </FormGroup>
              <Flex>
                <FlexItem>
                  <FormGroup label='Frames' fieldId='memtrack-frames'>
                    <NumberField field={frames} id='memtrack-frames' width='7rem' />
                  </FormGroup>
                </FlexItem>
                <FlexItem>
                  <FormGroup label='Algorithm' fieldId='memtrack-algorithm'>
                    <NameSelect
                      id='memtrack-algorithm'
                      label='Replacement algorithm'
                      names={algorithms}
                      value={algorithm}
                      onChange={setAlgorithm}
                    />
                  </FormGroup>
                </FlexItem>
              </Flex>
              <FieldErrors fields={[frames]} />
            </Form>
          </CardBody>
        </Card>
      </GridItem>
      <GridItem lg={6} span={12}>
        <Comparison references={referenceString} frames={frames.value} />
      </GridItem>
      <GridItem lg={6} span={12}>
        <FaultCurve references={referenceString} algorithm={algorithm} />
      </GridItem>
      <GridItem span={12}>
        <StepByStep
          pages={references.ok && !references.hasProcesses ? references.references.map(r => r.page) : null}
          whyNoPages={
            !references.ok ? 'Fix the reference string first.' : 'Step-by-step takes plain page numbers (without process prefixes).'
          }
          algorithm={algorithm}
          frames={frames.value}
          values={values}
          onStep={refresh}
        />
      </GridItem>
    </MBeanPage>
  )
}

const Comparison: React.FunctionComponent<{ references: string | null; frames: number | null }> = ({ references, frames }) => {
  const [results, setResults] = useState<PagingResult[] | null>(null)
  const operation = useOperation()
  const compare =
    references !== null && frames !== null
      ? async () => {
          const table = await execute(Contract.objectName, Contract.ops.compare, [frames, references], 'Comparing the algorithms')
          setResults(tableRows<PagingResult>(table))
        }
      : null
  return (
    <Card isCompact isFullHeight>
      <CardTitle>Faults per algorithm</CardTitle>
      <CardBody>
        <OperationButton operation={operation} action={compare} variant='primary'>
          Compare algorithms
        </OperationButton>
        <OperationResult state={operation} />
        {results && (
          <div data-testid='paging-comparison'>
            <BarList
              title='Page faults per algorithm'
              format={v => formatCount(v)}
              bars={results.map(r => ({
                label: r.algorithm,
                value: r.faults,
                color: colors.orange,
                note: `(hit ratio ${formatRatio(r.hitRatio)})`,
              }))}
            />
            <SortableTable<PagingResult>
              label='Comparison of replacement algorithms'
              rows={results}
              rowKey={r => r.algorithm}
              initialSort={{ column: 'faults', direction: 'asc' }}
              emptyText='No results.'
              columns={[
                { key: 'algorithm', title: 'Algorithm' },
                { key: 'faults', title: 'Faults', numeric: true },
                { key: 'hits', title: 'Hits', numeric: true },
                { key: 'hitRatio', title: 'Hit ratio', numeric: true, render: r => formatRatio(r.hitRatio) },
                { key: 'evictions', title: 'Evictions', numeric: true },
              ]}
            />
          </div>
        )}
      </CardBody>
    </Card>
  )
}

const FaultCurve: React.FunctionComponent<{ references: string | null; algorithm: string }> = ({ references, algorithm }) => {
  const [curve, setCurve] = useState<{ algorithm: string; points: FaultCurvePoint[] } | null>(null)
  const maxFramesField = useNumberField(parseCurveFrames, { initial: '7' })
  const maxFrames = maxFramesField.value
  const operation = useOperation()
  const draw =
    references !== null && maxFrames !== null
      ? async () => {
          const table = await execute(
            Contract.objectName,
            Contract.ops.faultCurve,
            [algorithm, maxFrames, references],
            `Computing the fault curve of ${algorithm}`,
          )
          setCurve({ algorithm, points: tableRows<FaultCurvePoint>(table).sort((a, b) => a.frames - b.frames) })
        }
      : null
  const anomalies = curve ? beladyAnomalies(curve.points) : []
  return (
    <Card isCompact isFullHeight>
      <CardTitle>Faults versus frames</CardTitle>
      <CardBody>
        <Flex alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem>
            <NumberField field={maxFramesField} label='Largest frame count of the curve' width='6rem' />
          </FlexItem>
          <FlexItem>
            <OperationButton operation={operation} action={draw}>
              Draw curve of {algorithm}
            </OperationButton>
          </FlexItem>
        </Flex>
        <FieldErrors fields={[maxFramesField]} />
        <OperationResult state={operation} />
        {curve && (
          <div data-testid='fault-curve'>
            <LineChart
              title={`Faults of ${curve.algorithm} by frames`}
              series={[
                { label: `${curve.algorithm} faults`, color: colors.orange, data: curve.points.map(p => ({ t: p.frames, v: p.faults })) },
              ]}
              format={v => formatCount(v)}
              formatX={v => String(v)}
              showPoints
            />
            <p className='memtrack-muted'>
              {anomalies.length > 0
                ? `Belady's anomaly: ${curve.algorithm} faults more with ${anomalies.join(', ')} frames than with one frame less.`
                : `More frames never cost ${curve.algorithm} more faults on this string.`}
            </p>
          </div>
        )}
      </CardBody>
    </Card>
  )
}

type StepProps = {
  pages: number[] | null
  whyNoPages: string
  algorithm: string
  frames: number | null
  values: Readonly<Record<string, unknown>>
  onStep: () => void
}

const StepByStep: React.FunctionComponent<StepProps> = ({ pages, whyNoPages, algorithm, frames, values, onStep }) => {
  const [position, setPosition] = useState<number | null>(null)
  const [last, setLast] = useState<AccessOutcome | null>(null)
  const operation = useOperation(onStep)
  const batchOnly = (Contract.batchOnlyAlgorithms as readonly string[]).includes(algorithm)
  const frameRows = tableRows<FrameRow>(values[Contract.attr.frameTable])
  const statistics = (values[Contract.attr.statistics] ?? {}) as Partial<PagingStatistics>
  const sessionAlgorithm = String(values[Contract.attr.algorithm] ?? '')

  const start =
    frames !== null && pages !== null && !batchOnly
      ? async () => {
          await execute(Contract.objectName, Contract.ops.reset, [algorithm, frames], `Starting a step-by-step session of ${algorithm}`)
          setPosition(0)
          setLast(null)
          return `New session: ${algorithm} with ${frames} empty frames.`
        }
      : null
  const next = pages !== null && position !== null ? pages[position] : undefined
  const step =
    position !== null && next !== undefined
      ? async () => {
          const outcome = (await execute(Contract.objectName, Contract.ops.access, [next], `Referencing page ${next}`)) as AccessOutcome
          setLast(outcome)
          setPosition(position + 1)
        }
      : null

  return (
    <Card isCompact>
      <CardTitle>
        Step by step{sessionAlgorithm ? ` (session: ${sessionAlgorithm}, ${String(values[Contract.attr.frames] ?? '')} frames)` : ''}
      </CardTitle>
      <CardBody>
        <Flex alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem>
            <OperationButton operation={operation} action={start}>
              Start session with {algorithm}
            </OperationButton>
          </FlexItem>
          <FlexItem>
            <OperationButton operation={operation} action={step} variant='primary'>
              Next reference
            </OperationButton>
          </FlexItem>
          <FlexItem>
            {batchOnly ? (
              <span className='memtrack-muted'>
                {algorithm} needs the whole reference string; choose another algorithm to step through.
              </span>
            ) : pages === null ? (
              <span className='memtrack-muted'>{whyNoPages}</span>
            ) : (
              <span className='memtrack-references' data-testid='step-references'>
                {pages.map((p, i) => (
                  <span
                    key={i}
                    className={i === position ? 'memtrack-reference-next' : i < (position ?? 0) ? 'memtrack-reference-done' : undefined}
                  >
                    {p}
                  </span>
                ))}
              </span>
            )}
          </FlexItem>
        </Flex>
        <OperationResult state={operation} />
        {last && (
          <p data-testid='step-outcome'>
            Step {last.step}: page {last.page}{' '}
            {last.hit ? `was already in frame ${last.frame} (hit)` : `faulted and was loaded into frame ${last.frame}`}
            {last.evictedPage >= 0 ? `, evicting page ${last.evictedPage}` : ''}.
          </p>
        )}
        <Facts
          testId='paging-statistics'
          horizontal
          columns='3Col'
          facts={[
            ['References', formatCount(statistics.references)],
            ['Faults', formatCount(statistics.faults)],
            ['Hit ratio', formatRatio(statistics.hitRatio)],
          ]}
        />
        <SortableTable<FrameRow>
          label='Frame table'
          rows={frameRows}
          rowKey={f => String(f.frame)}
          initialSort={{ column: 'frame', direction: 'asc' }}
          emptyText='Start a session to see the frames.'
          columns={[
            { key: 'frame', title: 'Frame', numeric: true },
            {
              key: 'page',
              title: 'Page',
              numeric: true,
              render: f => (f.occupied ? `${f.process ? f.process + ':' : ''}${f.page}` : 'free'),
            },
            { key: 'loadedAtStep', title: 'Loaded at step', numeric: true, render: f => (f.occupied ? f.loadedAtStep : '—') },
            { key: 'lastAccessStep', title: 'Last access', numeric: true, render: f => (f.occupied ? f.lastAccessStep : '—') },
            { key: 'accessCount', title: 'Accesses', numeric: true },
            { key: 'referenced', title: 'Reference bit', render: f => (f.referenced ? '1' : '0') },
          ]}
        />
      </CardBody>
    </Card>
  )
}
