using System.Collections;
using System.Globalization;
using System.Management.Automation;
using VpcCni.Engine.Bootstrap;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.PacketFilter;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Installs a node's files (docs/service.md, "Bootstrap"): the plugin, the service, its systemd unit
/// and its environment file, under -Root. Idempotent; reports the kubelet's --max-pods.
/// </summary>
[Cmdlet(VerbsLifecycle.Install, "VpcCniNode", SupportsShouldProcess = true)]
[OutputType(typeof(NodeInstallSummary), typeof(NodeFileChange))]
public sealed class InstallVpcCniNodeCommand : VpcCniCmdlet
{
    /// <summary>The directory every node path is placed under; "/" is the machine itself.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Root { get; set; } = "/";

    /// <summary>Where vpc-cni and vpc-cni-node are (default: the module's bin folder, as build.ps1 Publish lays it out).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SourcePath { get; set; }

    /// <summary>Environment-file values to set (name = value); others already in the file are kept.</summary>
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(SettingNameCompleter))]
    public Hashtable? Variable { get; set; }

    /// <summary>The instance type the --max-pods value is for (default: this instance's, from IMDS).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(InstanceTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string? InstanceType { get; set; }

    /// <summary>IMDS base URL, as AWS_EC2_METADATA_SERVICE_ENDPOINT.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ImdsEndpoint { get; set; }

    /// <summary>On the machine itself (-Root /): also systemctl enable --now the service.</summary>
    [Parameter]
    public SwitchParameter Start { get; set; }

    /// <summary>Write one object per file instead of the summary.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var root = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Root);
        var source = SourcePath is null ? ModuleExecutables.FindDirectory(NodeInstallPaths.PluginName, NodeInstallPaths.NodeName)
            : SessionState.Path.GetUnresolvedProviderPathFromPSPath(SourcePath);
        var variables = (Variable ?? []).Cast<DictionaryEntry>().ToDictionary(
            e => Convert.ToString(e.Key, CultureInfo.InvariantCulture)!, e => Convert.ToString(e.Value, CultureInfo.InvariantCulture) ?? string.Empty, StringComparer.Ordinal);
        IReadOnlyList<NodeFileChange> plan;
        try
        {
            plan = NodeInstaller.PlanInstall(new NodeInstallRequest { Root = root, SourceDirectory = source, Variables = variables });
        }
        catch (VpcCniException ex)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(ex, root));
            return;
        }

        var applied = NodeBootstrapOutput.Apply(this, plan);
        var commands = new List<string>();
        if (NodeBootstrapOutput.IsMachineRoot(root) && !MyInvocation.BoundParameters.ContainsKey("WhatIf"))
        {
            var systemd = new SystemdControl(new CommandRunner());
            if (applied.Any(c => c.NodePath == NodeInstallPaths.Unit && c.IsChange) || Start.IsPresent)
            {
                NodeBootstrapOutput.Systemctl(this, "systemctl daemon-reload", systemd.DaemonReloadAsync, commands);
            }

            if (Start.IsPresent)
            {
                NodeBootstrapOutput.Systemctl(this, $"systemctl enable --now {SystemdControl.Unit}", systemd.EnableNowAsync, commands);
            }
        }

        var summary = MaxPods(new NodeInstallSummary { Root = root, Files = applied, SystemctlCommands = commands }, NodeInstaller.PlannedEnvironment(plan));
        WriteVerbose(summary.Message);
        if (summary.KubeletArgument is { } flag)
        {
            WriteVerbose($"kubelet: {flag} ({summary.InstanceType}{(summary.PrefixDelegation ? ", prefix delegation" : string.Empty)})");
        }

        NodeBootstrapOutput.Write(this, summary, PassThru.IsPresent);
    }

    /// <summary>The summary with --max-pods for the given or this instance's type; an unknown type only warns.</summary>
    private NodeInstallSummary MaxPods(NodeInstallSummary summary, string environment)
    {
        try
        {
            var limits = InstanceType is null ? LocalLimits() : null;
            if (InstanceType is null && limits is null)
            {
                return summary;
            }

            var result = NodeMaxPods.Calculate(environment, InstanceType, limits);
            return summary with { InstanceType = result.InstanceType, MaxPods = result.MaxPods, PrefixDelegation = result.PrefixDelegationApplied };
        }
        catch (VpcCniException ex)
        {
            WriteWarning($"The kubelet's --max-pods is unknown: {ex.Message} Give -InstanceType.");
            return summary;
        }
    }

    private Engine.Limits.InstanceTypeLimits? LocalLimits()
    {
        OpenAwsLookup(fromImds: true, region: null, endpointUrl: null, ImdsEndpoint);
        return Wait(AwsLookup!.LookupLocalInstanceAsync(CancellationToken), MyInvocation.MyCommand.Name, "Reading this instance's type from instance metadata").Limits;
    }
}
