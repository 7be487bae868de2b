import { hawtio, HawtioPlugin, helpRegistry, workspace } from '@hawtio/react'
import { MEMTRACK_DOMAIN } from './contract'
import { log, pluginId, pluginOrder, pluginPath, pluginTitle } from './globals'
import help from './help.md'
import { MemtrackPage } from './ui/MemtrackPage'

/** Entry point the console calls after loading remoteEntry.js (the plugin MBean's PluginEntry). */
export const plugin: HawtioPlugin = () => {
  log.info('Loading memtrack plugin')
  hawtio.addPlugin({
    id: pluginId,
    title: pluginTitle,
    path: pluginPath,
    order: pluginOrder,
    component: MemtrackPage,
    // Only JVMs running the memtrack agent have MBeans in its domain.
    isActive: () => workspace.treeContainsDomainAndProperties(MEMTRACK_DOMAIN),
  })
  helpRegistry.add(pluginId, pluginTitle, help, pluginOrder)
}
