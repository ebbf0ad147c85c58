using System.Management.Automation;
using VpcCni.PowerShell.Simulation;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Stops simulated nodes that Start-VpcCniSimulation started in this session (SIGTERM, then SIGKILL
/// after a grace period) and removes their temporary directories. Stopping one already stopped does nothing.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "VpcCniSimulation", SupportsShouldProcess = true, DefaultParameterSetName = AllSet)]
public sealed class StopVpcCniSimulationCommand : VpcCniCmdlet
{
    private const string AllSet = "All";
    private const string ObjectSet = "InputObject";
    private const string IdSet = "ProcessId";

    /// <summary>Simulations from Start-VpcCniSimulation.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
    public VpcCniSimulation[] InputObject { get; set; } = [];

    /// <summary>Process ids of simulations this session started; other processes are never touched.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdSet)]
    [ArgumentCompleter(typeof(SimulationIdCompleter))]
    public int[] ProcessId { get; set; } = [];

    /// <summary>Seconds between SIGTERM and SIGKILL.</summary>
    [Parameter]
    [ValidateRange(0, 600)]
    public int GraceSec { get; set; } = 10;

    protected override void ProcessRecord()
    {
        var targets = ParameterSetName switch
        {
            ObjectSet => InputObject,
            IdSet => ProcessId.Select(id => SimulationRegistry.Find(id) ?? Unknown(id)).OfType<VpcCniSimulation>().ToArray(),
            _ => SimulationRegistry.All(),
        };
        foreach (var simulation in targets)
        {
            var what = simulation.IsRunning ? "Stop the simulated node and remove its run directory" : "Remove the run directory of the stopped simulated node";
            if (ShouldProcess($"vpc-cni-node process {simulation.ProcessId} ({simulation.Endpoint})", what))
            {
                SimulatedNodeProcess.Stop(simulation, TimeSpan.FromSeconds(GraceSec));
            }
        }
    }

    private VpcCniSimulation? Unknown(int id)
    {
        WriteVerbose($"Process {id} is not a simulation this session started (or it was stopped already); nothing to do.");
        return null;
    }
}
