using Akka.Actor;
using ActorParallel.Simulation.Engine.Actors;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>A task of the bare farms: run task <see cref="Id"/>.</summary>
internal sealed record FarmWork(int Id);

/// <summary>A result of the bare farms: task <see cref="Id"/> returned <see cref="Output"/>.</summary>
internal sealed record FarmDone(int Id, int Output);

/// <summary>
/// The bare Akka.NET farm the lab's farm is set against: what a user writes by hand with nothing but Akka.NET.
/// One supervisor on the default dispatcher and W workers on the same W-thread dispatcher the lab's workers get
/// (<see cref="ActorEngine.SystemConfig"/>), sealed record messages, work pulling: each worker holds
/// <see cref="InFlightPerWorker"/> tasks and gets the next one with each result. No metrics, no retries, no ledger.
/// </summary>
internal static class BareAkkaFarm
{
    /// <summary>Tasks a worker holds, as the lab's default (prefetch 1: one running, one waiting).</summary>
    public const int InFlightPerWorker = 2;

    /// <summary>An actor system configured like one of the lab's jobs with <paramref name="workers"/> workers.</summary>
    public static ActorSystem CreateSystem(int workers) => ActorSystem.Create("bench-farm", ActorEngine.SystemConfig(workers));

    /// <summary>Runs <paramref name="tasks"/> empty tasks on <paramref name="workers"/> workers and returns the sum of the outputs.</summary>
    public static long Run(ActorSystem system, int tasks, int workers)
    {
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var supervisor = system.ActorOf(Props.Create(() => new FarmSupervisor(tasks, workers, done)));
        try
        {
            Measure.Await(done.Task, "the bare Akka.NET farm");
            return done.Task.Result;
        }
        finally
        {
            system.Stop(supervisor);
        }
    }

    private sealed class FarmSupervisor : ReceiveActor
    {
        private readonly int _tasks;
        private readonly int _workers;
        private readonly TaskCompletionSource<long> _done;
        private int _next;
        private int _received;
        private long _sum;

        public FarmSupervisor(int tasks, int workers, TaskCompletionSource<long> done)
        {
            (_tasks, _workers, _done) = (tasks, workers, done);
            Receive<FarmDone>(Done);
        }

        protected override void PreStart()
        {
            for (var w = 0; w < _workers; w++)
            {
                var worker = Context.ActorOf(Props.Create(() => new FarmWorker()).WithDispatcher(ActorEngine.WorkerDispatcherId));
                for (var i = 0; i < InFlightPerWorker && _next < _tasks; i++)
                {
                    worker.Tell(new FarmWork(_next++), Self);
                }
            }
        }

        private void Done(FarmDone done)
        {
            _sum += done.Output;
            if (_next < _tasks)
            {
                Sender.Tell(new FarmWork(_next++), Self);
            }

            if (++_received == _tasks)
            {
                _done.TrySetResult(_sum);
            }
        }
    }

    private sealed class FarmWorker : ReceiveActor
    {
        public FarmWorker() => Receive<FarmWork>(work => Sender.Tell(new FarmDone(work.Id, EmptyWorkload.Run(work.Id)), Self));
    }
}
