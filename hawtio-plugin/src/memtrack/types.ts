/**
 * Rows and composite values of the JMX contract as Jolokia delivers them (JSON). Each type has the name and
 * the fields of its Java record in `mbeans/`; PluginContractTest checks that they stay the same.
 * Enums arrive as their names; `double` values the JVM holds as NaN arrive as `"NaN"` or null and are read
 * with `toNumber`.
 */

export type SubsystemStatus = {
  name: string
  state: string
  reason: string
  sinceMillis: number
}

export type ConfigEntry = {
  key: string
  value: string
  source: string
}

export type CoreLoad = {
  core: number
  loadPercent: number
}

export type DiskRate = {
  name: string
  readBytesPerSecond: number
  writeBytesPerSecond: number
  readsPerSecond: number
  writesPerSecond: number
}

export type NetworkRate = {
  name: string
  receivedBytesPerSecond: number
  transmittedBytesPerSecond: number
  receivedPacketsPerSecond: number
  transmittedPacketsPerSecond: number
}

export type LoadAverage = {
  oneMinute: number
  fiveMinutes: number
  fifteenMinutes: number
}

export type ProcessRow = {
  rank: number
  pid: number
  name: string
  user: string
  state: string
  cpuPercent: number
  residentBytes: number
  virtualBytes: number
  threads: number
}

export type SiteRow = {
  rank: number
  site: string
  type: string
  count: number
  bytes: number
  errorBytes: number
  estimated: boolean
}

export type TypeRow = {
  rank: number
  type: string
  count: number
  bytes: number
  errorBytes: number
  estimated: boolean
}

export type ThreadRow = {
  rank: number
  thread: string
  threadId: number
  count: number
  bytes: number
  jvmAllocatedBytes: number
  estimated: boolean
}

export type SizePercentiles = {
  count: number
  p50Bytes: number
  p90Bytes: number
  p99Bytes: number
  p999Bytes: number
  maxBytes: number
}

export type RuleRow = {
  name: string
  enabled: boolean
  metric: string
  threshold: number
  releaseThreshold: number
  holdMillis: number
  cooldownMillis: number
  actions: string
  state: string
  lastValue: number
}

export type PolicyDecision = {
  id: number
  timeMillis: number
  rule: string
  metric: string
  value: number
  threshold: number
  action: string
  target: string
  before: string
  after: string
  mode: string
  outcome: string
  effect: number
  message: string
}

export type EffectivenessRow = {
  rule: string
  action: string
  target: string
  attempts: number
  successes: number
  score: number
}

export type PagingResult = {
  algorithm: string
  frames: number
  references: number
  faults: number
  hits: number
  hitRatio: number
  evictions: number
}

export type FaultCurvePoint = {
  frames: number
  faults: number
}

export type FrameRow = {
  frame: number
  occupied: boolean
  process: string
  page: number
  loadedAtStep: number
  lastAccessStep: number
  accessCount: number
  referenced: boolean
}

export type AccessOutcome = {
  step: number
  page: number
  hit: boolean
  frame: number
  evictedPage: number
}

export type PagingStatistics = {
  references: number
  faults: number
  hits: number
  hitRatio: number
  evictions: number
}

export type SegmentRow = {
  name: string
  process: string
  base: number
  limit: number
}

export type HoleRow = {
  base: number
  length: number
}

export type Translation = {
  segment: string
  offset: number
  physicalAddress: number
  fault: boolean
  message: string
}

export type StressStatus = {
  running: boolean
  pattern: string
  phase: string
  targetBytes: number
  rateBytesPerSecond: number
  retainedBytes: number
  allocatedBytes: number
  capBytes: number
}
