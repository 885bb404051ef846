// Tests share one API host and one database, reset between tests, so they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
