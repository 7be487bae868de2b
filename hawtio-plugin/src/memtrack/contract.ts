/**
 * The JMX contract of memtrack as the plugin uses it: every ObjectName, attribute and operation signature,
 * mirrored from the MXBean interfaces in `mbeans/src/main/java/dev/memtrack/mbeans/`. Pages and services
 * name MBean members only through these constants; operations always go out with their full Java signature
 * so an overload added to the contract later cannot make a call ambiguous.
 */

export const MEMTRACK_DOMAIN = 'memtrack'

/** An MBean operation: the Jolokia `operation` string with its Java signature. */
export type Operation = { readonly signature: string }

const op = (signature: string): Operation => ({ signature })

/** AgentMXBean */
export const Agent = {
  objectName: 'memtrack:type=Agent',
  attr: {
    version: 'Version',
    javaVersion: 'JavaVersion',
    startMode: 'StartMode',
    startTimeMillis: 'StartTimeMillis',
    uptimeMillis: 'UptimeMillis',
    samplingIntervalMillis: 'SamplingIntervalMillis',
    jolokiaUrl: 'JolokiaUrl',
    configuration: 'Configuration',
    subsystems: 'Subsystems',
    instrumentationFailures: 'InstrumentationFailures',
  },
} as const

/** HeapMXBean */
export const Heap = {
  objectName: 'memtrack:type=Heap',
  attr: {
    sampledAtMillis: 'SampledAtMillis',
    heapUsedBytes: 'HeapUsedBytes',
    heapCommittedBytes: 'HeapCommittedBytes',
    heapMaxBytes: 'HeapMaxBytes',
    heapUsedPercent: 'HeapUsedPercent',
    heapUsedAfterLastGcBytes: 'HeapUsedAfterLastGcBytes',
    nonHeapUsedBytes: 'NonHeapUsedBytes',
    memoryPools: 'MemoryPools',
    collectors: 'Collectors',
    gcTimePercent: 'GcTimePercent',
    gcPauses: 'GcPauses',
    totalAllocatedBytes: 'TotalAllocatedBytes',
    allocationRateBytesPerSecond: 'AllocationRateBytesPerSecond',
  },
} as const

/** SystemMXBean */
export const System = {
  objectName: 'memtrack:type=System',
  attr: {
    sampledAtMillis: 'SampledAtMillis',
    cpuLoadPercent: 'CpuLoadPercent',
    cpuLoadPerCore: 'CpuLoadPerCore',
    logicalProcessorCount: 'LogicalProcessorCount',
    loadAverage: 'LoadAverage',
    memoryTotalBytes: 'MemoryTotalBytes',
    memoryAvailableBytes: 'MemoryAvailableBytes',
    memoryUsedBytes: 'MemoryUsedBytes',
    memoryUsedPercent: 'MemoryUsedPercent',
    swapTotalBytes: 'SwapTotalBytes',
    swapUsedBytes: 'SwapUsedBytes',
    disks: 'Disks',
    networkInterfaces: 'NetworkInterfaces',
    uptimeSeconds: 'UptimeSeconds',
    processCount: 'ProcessCount',
    threadCount: 'ThreadCount',
  },
} as const

/** ProcessesMXBean */
export const Processes = {
  objectName: 'memtrack:type=Processes',
  maxTopN: 500,
  attr: {
    sampledAtMillis: 'SampledAtMillis',
    topN: 'TopN',
    topByCpu: 'TopByCpu',
    topByResidentMemory: 'TopByResidentMemory',
  },
} as const

/** AllocationsMXBean */
export const Allocations = {
  objectName: 'memtrack:type=Allocations',
  modes: ['EXACT', 'SAMPLED', 'OFF'],
  /** Accepted range of SamplingIntervalBytes: 1 KiB to 1 GiB. */
  minSamplingIntervalBytes: 1024,
  maxSamplingIntervalBytes: 1024 * 1024 * 1024,
  attr: {
    mode: 'Mode',
    samplingIntervalBytes: 'SamplingIntervalBytes',
    sinceMillis: 'SinceMillis',
    totalAllocatedBytes: 'TotalAllocatedBytes',
    allocationRateBytesPerSecond: 'AllocationRateBytesPerSecond',
    allocationRates: 'AllocationRates',
    trackedAllocationCount: 'TrackedAllocationCount',
    trackedAllocatedBytes: 'TrackedAllocatedBytes',
    unattributedBytes: 'UnattributedBytes',
    estimated: 'Estimated',
    topSites: 'TopSites',
    topTypes: 'TopTypes',
    topThreads: 'TopThreads',
    sizePercentiles: 'SizePercentiles',
  },
  ops: {
    reset: op('reset()'),
    topSites: op('topSites(int)'),
    topTypes: op('topTypes(int)'),
    foldedStacks: op('foldedStacks(int)'),
  },
} as const

/** PolicyMXBean */
export const Policy = {
  objectName: 'memtrack:type=Policy',
  modes: ['OFF', 'ADVISORY', 'ENFORCE'],
  attr: {
    mode: 'Mode',
    evaluationIntervalMillis: 'EvaluationIntervalMillis',
    rules: 'Rules',
    thresholds: 'Thresholds',
    recentDecisions: 'RecentDecisions',
    effectiveness: 'Effectiveness',
    pins: 'Pins',
  },
  ops: {
    setThreshold: op('setThreshold(java.lang.String,double)'),
    enableRule: op('enableRule(java.lang.String)'),
    disableRule: op('disableRule(java.lang.String)'),
    pin: op('pin(java.lang.String)'),
    unpin: op('unpin(java.lang.String)'),
    evaluateNow: op('evaluateNow()'),
    undoAll: op('undoAll()'),
  },
} as const

/** PagingSimulatorMXBean */
export const Paging = {
  objectName: 'memtrack:type=Simulator,name=Paging',
  maxFrames: 4096,
  maxReferences: 1_000_000,
  /** OPT needs the whole reference string, so the step-wise session does not offer it. */
  batchOnlyAlgorithms: ['OPT'],
  attr: {
    algorithms: 'Algorithms',
    algorithm: 'Algorithm',
    frames: 'Frames',
    frameTable: 'FrameTable',
    statistics: 'Statistics',
  },
  ops: {
    simulate: op('simulate(java.lang.String,int,java.lang.String)'),
    compare: op('compare(int,java.lang.String)'),
    faultCurve: op('faultCurve(java.lang.String,int,java.lang.String)'),
    reset: op('reset(java.lang.String,int)'),
    access: op('access(int)'),
  },
} as const

/** SegmentationSimulatorMXBean */
export const Segmentation = {
  objectName: 'memtrack:type=Simulator,name=Segmentation',
  maxMemorySize: 2 ** 40,
  attr: {
    strategies: 'Strategies',
    strategy: 'Strategy',
    memorySize: 'MemorySize',
    freeBytes: 'FreeBytes',
    allocatedBytes: 'AllocatedBytes',
    holeCount: 'HoleCount',
    largestHoleBytes: 'LargestHoleBytes',
    externalFragmentation: 'ExternalFragmentation',
    failedAllocations: 'FailedAllocations',
    segments: 'Segments',
    holes: 'Holes',
  },
  ops: {
    reset: op('reset(long,java.lang.String)'),
    allocate: op('allocate(java.lang.String,long)'),
    free: op('free(java.lang.String)'),
    freeProcess: op('freeProcess(java.lang.String)'),
    compact: op('compact()'),
    translate: op('translate(java.lang.String,long)'),
  },
} as const

/** StressSimulatorMXBean */
export const Stress = {
  objectName: 'memtrack:type=Simulator,name=Stress',
  attr: {
    patterns: 'Patterns',
    running: 'Running',
    status: 'Status',
    retainedBytes: 'RetainedBytes',
    allocatedBytes: 'AllocatedBytes',
    capBytes: 'CapBytes',
  },
  ops: {
    start: op('start(int,int,java.lang.String)'),
    stop: op('stop()'),
  },
} as const

/** WorkloadMXBean: one per program, `memtrack:type=Workload,name=<program>`. */
export const Workload = {
  pattern: 'memtrack:type=Workload,*',
  priorities: ['CRITICAL', 'NORMAL', 'BACKGROUND'],
  attr: {
    name: 'Name',
    purpose: 'Purpose',
    priority: 'Priority',
    parallelism: 'Parallelism',
    maxParallelism: 'MaxParallelism',
    paused: 'Paused',
    tasksPerSecond: 'TasksPerSecond',
    taskLatencyP99Millis: 'TaskLatencyP99Millis',
    allocationRateBytesPerSecond: 'AllocationRateBytesPerSecond',
    cpuPercent: 'CpuPercent',
  },
} as const
