import { Logger } from '@hawtio/react'

export const pluginId = 'memtrack'
export const pluginTitle = 'memtrack'
export const pluginPath = '/memtrack'
/** Below the default (100) so memtrack is the first page of a connected console; 0-30 belong to Hawtio. */
export const pluginOrder = 40

export const log = Logger.get(pluginId)
