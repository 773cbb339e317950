using ActorParallel.Cli;
using MyWorkloadLab;

// Every command of the lab (run, sweep, list, node, cluster, config, bench), with the built-in workloads and yours:
//   dotnet run -- run my-workload                               locally: actors, TPL and serial, checked
//   dotnet run -- node --port 4053                              a worker node carrying my-workload
//   dotnet run -- run my-workload --cluster 127.0.0.1:4053      the driver: the job on the cluster's worker nodes
return ActorParallelApp.Run(args, registry => registry.With(new MyWorkload()));
