using System.Collections.Concurrent;

namespace VpcCni.PowerShell.Simulation;

/// <summary>
/// The simulations this process started. Stop-VpcCniSimulation only ever stops one of these, so a
/// process id can never reach a process the module did not start.
/// </summary>
internal static class SimulationRegistry
{
    private static readonly ConcurrentDictionary<int, VpcCniSimulation> Started = new();

    public static void Add(VpcCniSimulation simulation) => Started[simulation.ProcessId] = simulation;

    public static VpcCniSimulation? Find(int processId) => Started.TryGetValue(processId, out var simulation) ? simulation : null;

    public static void Remove(VpcCniSimulation simulation) => Started.TryRemove(simulation.ProcessId, out _);

    public static IReadOnlyList<VpcCniSimulation> All() => [.. Started.Values.OrderBy(s => s.ProcessId)];

    public static IReadOnlyList<VpcCniSimulation> Running() => [.. All().Where(s => s.IsRunning)];
}
