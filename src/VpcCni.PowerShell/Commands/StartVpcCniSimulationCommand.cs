using System.Collections;
using System.Diagnostics;
using System.Management.Automation;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Introspection;
using VpcCni.PowerShell.Simulation;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Starts a simulated node (<c>vpc-cni-node run --simulate</c>, docs/simulator.md) as a child process
/// and waits until its <c>/readyz</c> says a pod could get an address.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "VpcCniSimulation")]
[OutputType(typeof(VpcCniSimulation))]
public sealed class StartVpcCniSimulationCommand : VpcCniCmdlet
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>A scenario file (JSON or YAML); the default world without it.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "Path")]
    [ValidateNotNullOrEmpty]
    public string? Scenario { get; set; }

    /// <summary>The vpc-cni-node executable; by default the one published beside the module.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NodePath { get; set; }

    /// <summary>Variables for the node's environment file (WARM_IP_TARGET = 3, …).</summary>
    [Parameter]
    public Hashtable? Variable { get; set; }

    /// <summary>
    /// A kubeconfig (e.g. the one <c>vpc-cni-sim --kubernetes --write-kubeconfig</c> writes): the node then
    /// reads that cluster, its <c>kube-system/amazon-vpc-cni</c> ConfigMap included (docs/kubernetes.md).
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Kubeconfig { get; set; }

    /// <summary>Seconds to wait for readiness before the node is stopped again.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 60;

    protected override void ProcessRecord()
    {
        VpcCniSimulation? simulation = null;
        try
        {
            var scenario = Scenario is null ? null : GetUnresolvedProviderPathFromPSPath(Scenario);
            var kubeconfig = Kubeconfig is null ? null : GetUnresolvedProviderPathFromPSPath(Kubeconfig);
            simulation = SimulatedNodeProcess.Start(SimulatedNodeProcess.Resolve(NodePath), scenario, Variable, kubeconfig);
            SimulationRegistry.Add(simulation);
            WaitUntilReady(simulation);
            WriteObject(simulation);
            simulation = null;
        }
        catch (VpcCniException ex)
        {
            WriteError(ErrorRecordFactory.Create(ex, (object?)Scenario ?? NodePath));
        }
        finally
        {
            // A node that never became ready (or a stopped pipeline) does not outlive the command.
            if (simulation is not null)
            {
                SimulatedNodeProcess.Stop(simulation, TimeSpan.FromSeconds(5));
            }
        }
    }

    private void WaitUntilReady(VpcCniSimulation simulation)
    {
        var progress = new ProgressRecord(2, MyInvocation.MyCommand.Name, $"Starting vpc-cni-node (process {simulation.ProcessId})");
        var clock = Stopwatch.StartNew();
        var status = "starting";
        using var client = new IntrospectionClient(simulation.Endpoint, TimeSpan.FromSeconds(2));
        try
        {
            while (true)
            {
                if (!simulation.IsRunning)
                {
                    // Without a timeout, WaitForExit also waits for the redirected streams to end, so stderr is complete.
                    simulation.Process.WaitForExit();
                    throw new VpcCniException(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.Introspection.NodeStartFailed,
                        $"vpc-cni-node exited with status {simulation.Process.ExitCode} before it was ready: {string.Join(" ", simulation.Errors.TakeLast(5))}");
                }

                status = Poll(client, simulation) ?? string.Empty;
                if (status.Length == 0)
                {
                    return;
                }

                if (clock.Elapsed.TotalSeconds > TimeoutSec)
                {
                    throw new VpcCniException(VpcCniErrorCategory.Timeout, ErrorIds.Introspection.NodeNotReady,
                        $"vpc-cni-node (process {simulation.ProcessId}) was not ready after {TimeoutSec} s ({status}); it was stopped.");
                }

                progress.StatusDescription = $"Waiting for /readyz: {status}";
                progress.PercentComplete = Math.Min(99, (int)(clock.Elapsed.TotalSeconds * 100 / TimeoutSec));
                WriteProgress(progress);
                if (CancellationToken.WaitHandle.WaitOne(PollInterval))
                {
                    throw new PipelineStoppedException();
                }
            }
        }
        finally
        {
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
    }

    /// <summary>Null when the node is ready and has printed its endpoints; otherwise what it waits for.</summary>
    private string? Poll(IntrospectionClient client, VpcCniSimulation simulation)
    {
        try
        {
            var readiness = client.GetReadinessAsync(CancellationToken).GetAwaiter().GetResult();
            return !readiness.IsReady ? readiness.Reason
                : simulation.Ec2Endpoint is null || simulation.ImdsEndpoint is null ? "endpoints not printed yet"
                : null;
        }
        catch (VpcCniException ex) when (ex.ErrorId is ErrorIds.Introspection.Unreachable or ErrorIds.Introspection.Timeout)
        {
            return "introspection not listening yet";
        }
    }
}
