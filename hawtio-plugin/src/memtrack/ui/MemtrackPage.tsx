import { Nav, NavItem, NavList, PageSection, Title, Content } from '@patternfly/react-core'
import React from 'react'
import { NavLink, Navigate, Route, Routes, useLocation } from 'react-router-dom'
import { pluginPath } from '../globals'
import { Allocations } from './Allocations'
import { Overview } from './Overview'
import { Policy } from './Policy'
import { Simulator } from './Simulator'
import { SystemPage } from './SystemPage'
import '../memtrack.css'

type Page = { readonly id: string; readonly title: string; readonly component: React.FunctionComponent }

const pages: readonly Page[] = [
  { id: 'overview', title: 'Overview', component: Overview },
  { id: 'allocations', title: 'Allocations', component: Allocations },
  { id: 'system', title: 'System', component: SystemPage },
  { id: 'policy', title: 'Policy', component: Policy },
  { id: 'simulator', title: 'Simulator', component: Simulator },
]

/** memtrack's main component: a tab per page, each page its own route under /memtrack. */
export const MemtrackPage: React.FunctionComponent = () => {
  const location = useLocation()
  return (
    <React.Fragment>
      <PageSection hasBodyWrapper={false}>
        <Title headingLevel='h1'>memtrack</Title>
        <Content component='p' className='memtrack-muted'>
          Memory allocation tracking and adaptive resource allocation in the connected JVM
        </Content>
        <Nav aria-label='memtrack pages' variant='horizontal-subnav'>
          <NavList>
            {pages.map(page => {
              const to = `${pluginPath}/${page.id}`
              return (
                <NavItem key={page.id} isActive={location.pathname.startsWith(to)}>
                  <NavLink to={to}>{page.title}</NavLink>
                </NavItem>
              )
            })}
          </NavList>
        </Nav>
      </PageSection>
      <PageSection hasBodyWrapper={false} className='memtrack-page'>
        <Routes>
          {pages.map(page => (
            <Route key={page.id} path={`${page.id}/*`} element={<page.component />} />
          ))}
          <Route path='*' element={<Navigate to={`${pluginPath}/overview`} replace />} />
        </Routes>
      </PageSection>
    </React.Fragment>
  )
}
