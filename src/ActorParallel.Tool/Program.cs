using ActorParallel.Cli;

return ActorParallelApp.Run(args);
