import { Grid, GridItem } from '@patternfly/react-core'
import React from 'react'
import { MBeanValues } from '../memtrack-service'
import { Notice, PollError, unavailableState } from './NotAvailable'

type Props = {
  /** The poll's read of the page's MBean; undefined before the first poll answered. */
  readonly result: MBeanValues | undefined
  readonly error: string | null
  /** What the page says when the JVM does not have the MBean. */
  readonly absent: Notice
  /** The page's grid items. */
  readonly children: React.ReactNode
}

/**
 * The frame of a page built on one MBean: a spinner until the first poll, a notice when the JVM lacks the
 * MBean, else the page's cards in a grid under the poll's error, if any.
 */
export const MBeanPage: React.FunctionComponent<Props> = ({ result, error, absent, children }) =>
  unavailableState(result, error, absent) ?? (
    <Grid hasGutter>
      <GridItem span={12}>
        <PollError error={error} result={result} />
      </GridItem>
      {children}
    </Grid>
  )
