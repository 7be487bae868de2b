import { DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm } from '@patternfly/react-core'
import React from 'react'

/** One labelled value of a card: a term and what it is now. */
export type Fact = readonly [term: string, value: React.ReactNode]

type Props = {
  readonly facts: readonly Fact[]
  readonly testId?: string
  /** Term beside value rather than above it. */
  readonly horizontal?: boolean
  readonly columns?: '1Col' | '2Col' | '3Col'
  readonly wideColumns?: '1Col' | '2Col' | '3Col'
}

/** Labelled values in a compact description list, the way every memtrack card shows figures. */
export const Facts: React.FunctionComponent<Props> = ({ facts, testId, horizontal = false, columns = '1Col', wideColumns }) => (
  <DescriptionList
    isCompact
    isHorizontal={horizontal}
    columnModifier={{ default: columns, lg: wideColumns ?? columns }}
    data-testid={testId}
  >
    {facts.map(([term, value]) => (
      <DescriptionListGroup key={term}>
        <DescriptionListTerm>{term}</DescriptionListTerm>
        <DescriptionListDescription>{value}</DescriptionListDescription>
      </DescriptionListGroup>
    ))}
  </DescriptionList>
)
