import { Tab, Tabs } from '@patternfly/react-core'
import React, { useState } from 'react'
import { Paging } from './Paging'
import { Segmentation } from './Segmentation'
import { Stress } from './Stress'

/** The simulators of the agent: page replacement, segmentation and the memory-stress generator. */
export const Simulator: React.FunctionComponent = () => {
  const [tab, setTab] = useState<string | number>('paging')
  return (
    <Tabs activeKey={tab} onSelect={(_e, key) => setTab(key)} aria-label='Simulators' mountOnEnter unmountOnExit>
      <Tab eventKey='paging' title='Paging'>
        <Paging />
      </Tab>
      <Tab eventKey='segmentation' title='Segmentation'>
        <Segmentation />
      </Tab>
      <Tab eventKey='stress' title='Memory stress'>
        <Stress />
      </Tab>
    </Tabs>
  )
}
