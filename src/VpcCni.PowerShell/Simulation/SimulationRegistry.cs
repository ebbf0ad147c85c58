using System.Collections.Concurrent;

namespace VpcCni.PowerShell.Simulation;

/// <summary>
/// The simulations this process started. Stop-VpcCniSimulation only ever stops one of these, so a
/// process id can never reach a process the module did not start.
/// </summary>
internal static class SimulationRegistry
{
    private static readonly ConcurrentDictionary<int, VpcCniSimulation> Started = new();
    private static int _exitHooked;

    public static void Add(VpcCniSimulation simulation)
    {
        Started[simulation.ProcessId] = simulation;

        // A session that ends without Stop-VpcCniSimulation still stops its nodes and removes their
        // directories when the process exits normally (AppDomain.ProcessExit; not on SIGKILL).
        if (Interlocked.Exchange(ref _exitHooked, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>Stops every simulation still registered (module removal, process exit).</summary>
    public static void StopAll(TimeSpan grace)
    {
        foreach (var simulation in All())
        {
            SimulatedNodeProcess.Stop(simulation, grace);
        }
    }

    public static VpcCniSimulation? Find(int processId) => Started.TryGetValue(processId, out var simulation) ? simulation : null;

    public static void Remove(VpcCniSimulation simulation) => Started.TryRemove(simulation.ProcessId, out _);

    public static IReadOnlyList<VpcCniSimulation> All() => [.. Started.Values.OrderBy(s => s.ProcessId)];

    public static IReadOnlyList<VpcCniSimulation> Running() => [.. All().Where(s => s.IsRunning)];
}
