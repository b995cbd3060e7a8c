// Each drill drives a host process at full load and measures it; two drills at once on this machine's two cores
// would measure each other (the full timer storm beside the crash drill: p99 ratio 16 instead of 1.9).
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
